package com.chatpay.notification.bubble;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook requests the Stripe way: HMAC-SHA256, keyed with the shared secret, over
 * {@code <unix seconds> + "." + <raw body>}; sent as {@code Chatpay-Timestamp: <unix seconds>} and
 * {@code Chatpay-Signature: v1=<lower-case hex>}. The timestamp inside the signed text lets the receiver refuse
 * replays older than a few minutes. See {@code notification-service/WEBHOOK.md} for the receiver's side.
 */
public final class WebhookSigner {

    public static final String TIMESTAMP_HEADER = "Chatpay-Timestamp";
    public static final String SIGNATURE_HEADER = "Chatpay-Signature";
    /** The delivery's id, the same on every attempt: receivers drop a repeat they already processed. */
    public static final String DELIVERY_ID_HEADER = "Chatpay-Delivery-Id";
    public static final String SCHEME = "v1";

    private final SecretKeySpec key;

    /** {@code secret}: the raw key bytes (the base64-decoded {@code WEBHOOK_SECRET}). */
    public WebhookSigner(byte[] secret) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("the webhook secret must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The {@code Chatpay-Signature} header value of {@code body} sent at {@code timestamp} (unix seconds). */
    public String signature(long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return SCHEME + "=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSigner[key=<hidden>]";
    }
}
