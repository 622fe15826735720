package com.chatpay.payment.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fingerprint of a payment request stored with its Idempotency-Key: SHA-256 over a canonical, unambiguous
 * encoding of every field (each value length-prefixed, absent values distinct from empty ones), so a retry with
 * the same content matches and any change does not, whatever the JSON's field order or spacing.
 */
public final class RequestHash {

    private RequestHash() {
    }

    public static String of(CreatePaymentRequest request) {
        StringBuilder canonical = new StringBuilder("v1");
        append(canonical, request.payeeId());
        append(canonical, request.conversationId());
        append(canonical, request.amount() == null || request.amount().value() == null
                ? null : Long.toString(request.amount().value()));
        append(canonical, request.amount() == null ? null : request.amount().currency());
        append(canonical, request.message());
        append(canonical, request.authorizationToken());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void append(StringBuilder canonical, String value) {
        if (value == null) {
            canonical.append("|-");
        } else {
            canonical.append('|').append(value.length()).append(':').append(value);
        }
    }
}
