package com.chatpay.stack.keys;

import com.chatpay.stack.service.ChatpayService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Cipher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DevKeysTest {

    @TempDir
    Path tmp;

    @Test
    void shouldGenerateEveryKeyOwnerOnlyOnFirstUse() throws Exception {
        Path dir = tmp.resolve("keys");

        DevKeys keys = DevKeys.loadOrCreate(dir);

        assertThat(keys.generated()).isNotEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> !f.getFileName().toString().equals(".lock")).toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactlyInAnyOrder(
                "gateway-private.pem", "gateway-public.pem", "authz-private.pem", "authz-public.pem",
                "sms-private.pem", "sms-public.pem", "secrets.properties");
        for (Path file : files) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .as(file.toString()).isEqualTo("rw-------");
        }
        assertThat(Files.readString(keys.gatewayPrivateKey())).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(Files.readString(keys.gatewayPublicKey())).startsWith("-----BEGIN PUBLIC KEY-----\n");
    }

    @Test
    void shouldReuseExistingKeysOnTheNextLoad() throws Exception {
        Path dir = tmp.resolve("keys");
        DevKeys first = DevKeys.loadOrCreate(dir);
        String gatewayKey = Files.readString(first.gatewayPrivateKey());

        DevKeys second = DevKeys.loadOrCreate(dir);

        assertThat(second.generated()).isEmpty();
        assertThat(Files.readString(second.gatewayPrivateKey())).isEqualTo(gatewayKey);
        assertThat(second.pinPepper()).isEqualTo(first.pinPepper());
        assertThat(second.superuserPassword()).isEqualTo(first.superuserPassword());
    }

    @Test
    void shouldGenerateOnlyWhatIsMissing() throws Exception {
        Path dir = tmp.resolve("keys");
        DevKeys first = DevKeys.loadOrCreate(dir);
        Files.delete(first.smsPublicKey());

        DevKeys second = DevKeys.loadOrCreate(dir);

        assertThat(second.generated()).containsExactly("SMS-code RSA-2048 key pair");
        assertThat(second.cardVaultKeys()).isEqualTo(first.cardVaultKeys());
        assertThat(Files.readString(second.gatewayPrivateKey())).isEqualTo(Files.readString(first.gatewayPrivateKey()));
    }

    @Test
    void shouldHoldThirtyTwoByteSymmetricKeysAndDistinctPasswords() {
        DevKeys keys = DevKeys.loadOrCreate(tmp.resolve("keys"));

        assertThat(keys.cardVaultKeys()).startsWith(DevKeys.CARD_VAULT_KEY_ID + ":");
        assertThat(keys.cardVaultActiveKeyId()).isEqualTo(DevKeys.CARD_VAULT_KEY_ID);
        String vaultKey = keys.cardVaultKeys().substring(keys.cardVaultKeys().indexOf(':') + 1);
        for (String key : List.of(vaultKey, keys.cardFingerprintKey(), keys.pinPepper(), keys.smsCodeHashKey(),
                keys.webhookSecret())) {
            assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        }
        List<String> passwords = Stream.concat(Stream.of(keys.superuserPassword()),
                Stream.of(ChatpayService.values()).map(s -> keys.databasePassword(s.databaseName()))).toList();
        assertThat(passwords).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).hasSizeGreaterThanOrEqualTo(32));
    }

    @Test
    void shouldWriteMatchingKeyPairs() throws Exception {
        DevKeys keys = DevKeys.loadOrCreate(tmp.resolve("keys"));

        RSAPublicKey gateway = (RSAPublicKey) Pem.readPublicKey(keys.gatewayPublicKey(), "RSA");
        assertThat(gateway.getModulus().bitLength()).isEqualTo(2048);
        assertSignatureVerifies("SHA256withRSA", Pem.readPrivateKey(keys.gatewayPrivateKey(), "RSA"), gateway);

        ECPublicKey authz = (ECPublicKey) Pem.readPublicKey(keys.authzPublicKey(), "EC");
        assertThat(authz.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertSignatureVerifies("SHA256withECDSA", Pem.readPrivateKey(keys.authzPrivateKey(), "EC"), authz);

        Cipher encrypt = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        encrypt.init(Cipher.ENCRYPT_MODE, Pem.readPublicKey(keys.smsPublicKey(), "RSA"));
        byte[] sealed = encrypt.doFinal("123456".getBytes(StandardCharsets.UTF_8));
        Cipher decrypt = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        decrypt.init(Cipher.DECRYPT_MODE, Pem.readPrivateKey(keys.smsPrivateKey(), "RSA"));
        assertThat(new String(decrypt.doFinal(sealed), StandardCharsets.UTF_8)).isEqualTo("123456");
    }

    @Test
    void shouldNeverShowSecretsInToString() {
        DevKeys keys = DevKeys.loadOrCreate(tmp.resolve("keys"));

        assertThat(keys.toString()).doesNotContain(keys.pinPepper()).doesNotContain(keys.superuserPassword());
    }

    private static void assertSignatureVerifies(String algorithm, PrivateKey privateKey, PublicKey publicKey)
            throws Exception {
        byte[] data = "chatpay".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(privateKey);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(publicKey);
        verifier.update(data);
        assertThat(verifier.verify(signature)).isTrue();
    }
}
