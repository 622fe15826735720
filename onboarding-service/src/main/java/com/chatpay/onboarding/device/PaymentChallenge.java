package com.chatpay.onboarding.device;

import com.chatpay.common.money.Money;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The WebAuthn challenge of a payment confirmation (dynamic linking, the Secure Payment Confirmation idea): SHA-256
 * over a domain label, a random nonce and the payer, payee, amount and currency, each length-prefixed. The
 * authenticator signs it inside client data, so an assertion confirms this payment and no other. Plain Java.
 */
public final class PaymentChallenge {

    private static final byte[] LABEL = "chatpay-payment-confirmation-v1".getBytes(StandardCharsets.UTF_8);

    private PaymentChallenge() {
    }

    public static byte[] of(byte[] nonce, String payerId, String payeeId, Money amount) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, LABEL);
        field(out, nonce);
        field(out, payerId.getBytes(StandardCharsets.UTF_8));
        field(out, payeeId.getBytes(StandardCharsets.UTF_8));
        field(out, ByteBuffer.allocate(Long.BYTES).putLong(amount.value()).array());
        field(out, amount.currency().getBytes(StandardCharsets.UTF_8));
        try {
            return MessageDigest.getInstance("SHA-256").digest(out.toByteArray());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value.length).array());
        out.writeBytes(value);
    }
}
