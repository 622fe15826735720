package com.chatpay.stack.keys;

import com.chatpay.stack.StackException;
import com.chatpay.stack.service.ChatpayService;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * The local stack's own keys and secrets, generated with the JDK on first use into one owner-only folder and
 * reused afterwards (so tokens and encrypted data stay valid across {@code down}/{@code up}).
 *
 * <ul>
 *   <li>{@code gateway-private.pem}/{@code gateway-public.pem}: RSA-2048, signs the gateway JWTs (RS256)</li>
 *   <li>{@code authz-private.pem}/{@code authz-public.pem}: EC P-256, signs payment authorizations (ES256)</li>
 *   <li>{@code sms-private.pem}/{@code sms-public.pem}: RSA-2048, encrypts SMS codes for notification-service</li>
 *   <li>{@code secrets.properties}: the 32-byte symmetric keys (base64) and the database passwords</li>
 * </ul>
 * Private keys are PKCS#8 PEM, public keys X.509 SubjectPublicKeyInfo PEM. Nothing here is ever printed.
 */
public final class DevKeys {

    /** Key id of the card vault's (only) AES key in {@code CARD_VAULT_KEYS}. */
    public static final String CARD_VAULT_KEY_ID = "dev-1";
    /** The PostgreSQL superuser the stack provisions with. */
    public static final String POSTGRES_SUPERUSER = "postgres";

    static final String SECRETS_FILE = "secrets.properties";
    static final String CARD_VAULT_KEY = "card-vault.key." + CARD_VAULT_KEY_ID;
    static final String CARD_FINGERPRINT_KEY = "card-fingerprint.key";
    static final String PIN_PEPPER = "pin.pepper";
    static final String SMS_CODE_HASH_KEY = "sms-code-hash.key";
    static final String WEBHOOK_SECRET = "webhook.secret";
    static final String DB_PASSWORD_PREFIX = "db.password.";

    private static final List<String> SYMMETRIC_KEYS =
            List.of(CARD_VAULT_KEY, CARD_FINGERPRINT_KEY, PIN_PEPPER, SMS_CODE_HASH_KEY, WEBHOOK_SECRET);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final Properties secrets;
    private final List<String> generated;

    private DevKeys(Path dir, Properties secrets, List<String> generated) {
        this.dir = dir;
        this.secrets = secrets;
        this.generated = List.copyOf(generated);
    }

    /** Loads the keys of {@code keysDir}, generating whatever is missing. Safe to call from several processes. */
    public static DevKeys loadOrCreate(Path keysDir) {
        Path dir = keysDir.toAbsolutePath().normalize();
        try {
            SecretFiles.ensureOwnerOnlyDirectory(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve(".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                List<String> generated = new ArrayList<>();
                ensurePair(dir, "gateway", rsaGenerator(), "gateway RSA-2048 key pair", generated);
                ensurePair(dir, "authz", ecGenerator(), "payment-authorization EC P-256 key pair", generated);
                ensurePair(dir, "sms", rsaGenerator(), "SMS-code RSA-2048 key pair", generated);
                Properties secrets = ensureSecrets(dir, generated);
                return new DevKeys(dir, secrets, generated);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new StackException("Could not prepare the dev keys in " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** What {@link #loadOrCreate} had to generate (descriptions, never values); empty when all existed. */
    public List<String> generated() {
        return generated;
    }

    public Path gatewayPrivateKey() {
        return dir.resolve("gateway-private.pem");
    }

    public Path gatewayPublicKey() {
        return dir.resolve("gateway-public.pem");
    }

    public Path authzPrivateKey() {
        return dir.resolve("authz-private.pem");
    }

    public Path authzPublicKey() {
        return dir.resolve("authz-public.pem");
    }

    public Path smsPrivateKey() {
        return dir.resolve("sms-private.pem");
    }

    public Path smsPublicKey() {
        return dir.resolve("sms-public.pem");
    }

    /** Where the symmetric keys and database passwords are kept. */
    public Path secretsFile() {
        return dir.resolve(SECRETS_FILE);
    }

    /** {@code <keyId>:<base64 AES-256 key>}, comma-separated (one key locally). */
    public String cardVaultKeys() {
        return CARD_VAULT_KEY_ID + ":" + secret(CARD_VAULT_KEY);
    }

    public String cardVaultActiveKeyId() {
        return CARD_VAULT_KEY_ID;
    }

    public String cardFingerprintKey() {
        return secret(CARD_FINGERPRINT_KEY);
    }

    public String pinPepper() {
        return secret(PIN_PEPPER);
    }

    public String smsCodeHashKey() {
        return secret(SMS_CODE_HASH_KEY);
    }

    public String webhookSecret() {
        return secret(WEBHOOK_SECRET);
    }

    /** The password of a login role: a service's database name, or {@link #POSTGRES_SUPERUSER}. */
    public String databasePassword(String role) {
        return secret(DB_PASSWORD_PREFIX + role);
    }

    public String superuserPassword() {
        return databasePassword(POSTGRES_SUPERUSER);
    }

    /** The gateway's private key, to mint dev JWTs. */
    public PrivateKey loadGatewayPrivateKey() {
        try {
            return Pem.readPrivateKey(gatewayPrivateKey(), "RSA");
        } catch (IOException | GeneralSecurityException e) {
            throw new StackException("Could not read " + gatewayPrivateKey() + ": " + e.getMessage(), e);
        }
    }

    private String secret(String name) {
        String value = secrets.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("No secret '" + name + "' in " + secretsFile());
        }
        return value;
    }

    @Override
    public String toString() {
        return "DevKeys{dir=" + dir + "}";
    }

    private static void ensurePair(Path dir, String name, KeyPairGenerator generator, String description,
                                   List<String> generated) throws IOException {
        Path privateKey = dir.resolve(name + "-private.pem");
        Path publicKey = dir.resolve(name + "-public.pem");
        if (Files.isRegularFile(privateKey) && Files.isRegularFile(publicKey)) {
            return;
        }
        KeyPair pair = generator.generateKeyPair();
        SecretFiles.write(privateKey, Pem.encode(Pem.PRIVATE_KEY, pair.getPrivate().getEncoded()));
        SecretFiles.write(publicKey, Pem.encode(Pem.PUBLIC_KEY, pair.getPublic().getEncoded()));
        generated.add(description);
    }

    private static Properties ensureSecrets(Path dir, List<String> generated) throws IOException {
        Path file = dir.resolve(SECRETS_FILE);
        Properties secrets = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                secrets.load(reader);
            }
        }
        boolean changed = false;
        for (String name : SYMMETRIC_KEYS) {
            if (!secrets.containsKey(name)) {
                secrets.setProperty(name, Base64.getEncoder().encodeToString(randomBytes(32)));
                generated.add(name);
                changed = true;
            }
        }
        List<String> roles = new ArrayList<>();
        roles.add(POSTGRES_SUPERUSER);
        for (ChatpayService service : ChatpayService.values()) {
            roles.add(service.databaseName());
        }
        for (String role : roles) {
            if (!secrets.containsKey(DB_PASSWORD_PREFIX + role)) {
                secrets.setProperty(DB_PASSWORD_PREFIX + role, Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(randomBytes(24)));
                generated.add("database password of " + role);
                changed = true;
            }
        }
        if (changed) {
            StringWriter text = new StringWriter();
            secrets.store(text, "chatpay local stack: generated dev secrets, for this machine only."
                    + " Symmetric keys are base64 of 32 random bytes.");
            SecretFiles.write(file, text.toString());
        }
        return secrets;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static KeyPairGenerator rsaGenerator() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), RANDOM);
        return generator;
    }

    private static KeyPairGenerator ecGenerator() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator;
    }
}
