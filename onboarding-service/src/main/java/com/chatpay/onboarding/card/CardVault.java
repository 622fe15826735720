package com.chatpay.onboarding.card;

import com.chatpay.onboarding.crypto.Secrets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts card numbers at rest with AES-256-GCM: a random 12-byte IV per encryption, a 128-bit tag, the owner's
 * user id as associated data (a ciphertext moved to another user's row does not decrypt). Each ciphertext records
 * the id of its key; new data uses the active key, and every configured key still decrypts, so keys rotate by
 * adding a new active key and keeping the old ones.
 */
public final class CardVault {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A sealed PAN: the key id and {@code IV || ciphertext || tag}. */
    public record Sealed(String keyId, byte[] ciphertext) {
    }

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    public CardVault(Map<String, byte[]> keys, String activeKeyId) {
        Map<String, SecretKey> copy = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (key.length != 32) {
                throw new IllegalStateException("card vault key " + id + " must be 32 bytes (AES-256)");
            }
            copy.put(id, new SecretKeySpec(key, "AES"));
        });
        if (!copy.containsKey(activeKeyId)) {
            throw new IllegalStateException("the active card vault key id " + activeKeyId + " is not configured");
        }
        this.keys = Map.copyOf(copy);
        this.activeKeyId = activeKeyId;
    }

    /** From {@code <keyId>:<base64 32-byte key>[,<keyId>:<base64>...]} and the active key id. */
    public static CardVault fromConfig(String keySpec, String activeKeyId) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : keySpec.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("CARD_VAULT_KEYS entries must be <keyId>:<base64 key>");
            }
            String id = trimmed.substring(0, colon);
            keys.put(id, Secrets.base64Key(trimmed.substring(colon + 1), "card vault key " + id));
        }
        return new CardVault(keys, activeKeyId.trim());
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public Sealed encrypt(String pan, String owner) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(pan.getBytes(StandardCharsets.US_ASCII));
            return new Sealed(activeKeyId, ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("card vault encryption failed", e);
        }
    }

    public String decrypt(Sealed sealed, String owner) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("card vault key " + sealed.keyId() + " is not configured");
        }
        byte[] data = sealed.ciphertext();
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(data, IV_BYTES)));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("card vault ciphertext does not decrypt (wrong key, owner or data)");
        }
    }
}
