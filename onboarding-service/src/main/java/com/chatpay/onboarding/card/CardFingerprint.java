package com.chatpay.onboarding.card;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A keyed HMAC-SHA256 of a PAN: recognises the same card without decrypting, useless without the key. */
public final class CardFingerprint {

    private final SecretKeySpec key;

    public CardFingerprint(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    public String of(String pan) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(pan.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
