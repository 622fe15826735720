package com.chatpay.onboarding.rollout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Who is in a country's rollout. Each user has a stable bucket in 0..9999 per country (the first 8 bytes of
 * SHA-256(country || userId), unsigned, modulo 10,000); a user is in when the country is enabled and the bucket is
 * below percentage × 100. Raising the percentage therefore only adds users. The database function
 * {@code rollout_bucket} computes the same bucket for the sweep. Plain Java.
 */
public final class RolloutPolicy {

    /** Buckets per country: a percentage point is 100 buckets. */
    public static final int BUCKETS = 10_000;

    private RolloutPolicy() {
    }

    public static int bucket(String country, String userId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((country + userId).getBytes(StandardCharsets.UTF_8));
            return (int) Long.remainderUnsigned(ByteBuffer.wrap(hash, 0, 8).getLong(), BUCKETS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first bucket out of the rollout: users with a smaller bucket are in. */
    public static int threshold(boolean enabled, int percentage) {
        return enabled ? percentage * (BUCKETS / 100) : 0;
    }

    public static boolean admits(boolean enabled, int percentage, String country, String userId) {
        return bucket(country, userId) < threshold(enabled, percentage);
    }
}
