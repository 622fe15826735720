package com.chatpay.onboarding.device;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.CollectedClientDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * WebAuthn ceremonies with webauthn4j: verifies a registration (client data type, challenge, origin, rpId hash,
 * user presence and verification flags, ES256 key; attestation format {@code none} or any other, not trusted for
 * anything) and an assertion (the same checks, the signature over authenticatorData ‖ SHA-256(clientDataJSON) with
 * the stored public key, and a signature counter greater than the stored one).
 */
@Singleton
public class WebAuthnVerifier {

    /** What a verified registration yields to store. */
    public record Credential(byte[] credentialId, byte[] publicKeyCose, UUID aaguid, long signCount) {
    }

    /** A ceremony that does not verify; the message says why (it carries no secret). */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Algorithms accepted for device keys: ES256 (P-256), what platform authenticators use. */
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256));

    private final WebAuthnManager manager;
    private final AttestedCredentialDataConverter credentialDataConverter;
    private final CollectedClientDataConverter clientDataConverter;
    private final WebAuthnConfig config;
    private final Set<Origin> origins;

    public WebAuthnVerifier(WebAuthnConfig config) {
        ObjectConverter converter = new ObjectConverter();
        this.manager = WebAuthnManager.createNonStrictWebAuthnManager(converter);
        this.credentialDataConverter = new AttestedCredentialDataConverter(converter);
        this.clientDataConverter = new CollectedClientDataConverter(converter);
        this.config = config;
        this.origins = config.origins().stream().map(Origin::create).collect(Collectors.toUnmodifiableSet());
    }

    /** The challenge the client data carries, to find what it was issued for; refused when unreadable. */
    public byte[] challengeOf(byte[] clientDataJson) {
        try {
            CollectedClientData clientData = clientDataConverter.convert(clientDataJson);
            if (clientData == null || clientData.getChallenge() == null) {
                throw new Refused("client data carries no challenge");
            }
            return clientData.getChallenge().getValue();
        } catch (RuntimeException e) {
            throw e instanceof Refused r ? r : new Refused("client data is not readable");
        }
    }

    public Credential verifyRegistration(byte[] attestationObject, byte[] clientDataJson, byte[] challenge) {
        RegistrationData data;
        try {
            data = manager.verify(new RegistrationRequest(attestationObject, clientDataJson),
                    new RegistrationParameters(serverProperty(challenge), ALGORITHMS,
                            config.userVerificationRequired(), true));
        } catch (RuntimeException e) {
            throw new Refused(reason(e));
        }
        var authenticatorData = data.getAttestationObject().getAuthenticatorData();
        AttestedCredentialData credential = authenticatorData.getAttestedCredentialData();
        byte[] encoded = credentialDataConverter.convert(credential);
        int coseStart = 16 + 2 + credential.getCredentialId().length;
        byte[] cose = Arrays.copyOfRange(encoded, coseStart, encoded.length);
        return new Credential(credential.getCredentialId(), cose, credential.getAaguid().getValue(),
                authenticatorData.getSignCount());
    }

    /** Verifies an assertion made with {@code device}'s key over {@code challenge}; answers the new counter. */
    public long verifyAssertion(Device device, byte[] authenticatorData, byte[] clientDataJson, byte[] signature,
            byte[] challenge) {
        AuthenticationData data;
        try {
            CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(), null, null, null,
                    device.signCount, attestedCredentialData(device), null, null, null, null);
            data = manager.verify(new AuthenticationRequest(device.credentialId, authenticatorData, clientDataJson,
                            signature),
                    new AuthenticationParameters(serverProperty(challenge), record, List.of(device.credentialId),
                            config.userVerificationRequired(), true));
        } catch (RuntimeException e) {
            throw new Refused(reason(e));
        }
        long counter = data.getAuthenticatorData().getSignCount();
        // webauthn4j refuses a counter that does not grow; an authenticator without a counter always sends 0
        if (counter <= device.signCount && !(counter == 0 && device.signCount == 0)) {
            throw new Refused("signature counter did not increase");
        }
        return counter;
    }

    /** A stable, secret-free reason for a webauthn4j refusal (no exception names in responses). */
    static String reason(RuntimeException e) {
        return switch (e.getClass().getSimpleName()) {
            case "BadOriginException", "CrossOriginException", "BadTopOriginException" -> "origin not accepted";
            case "BadRpIdException" -> "rpId hash does not match";
            case "BadChallengeException", "MissingChallengeException" -> "challenge does not match";
            case "UserNotPresentException" -> "user presence flag missing";
            case "UserNotVerifiedException" -> "user verification flag missing";
            case "BadSignatureException" -> "signature does not verify";
            case "MaliciousCounterValueException" -> "signature counter did not increase";
            case "InconsistentClientDataTypeException" -> "wrong client data type";
            case "BadAlgorithmException", "NotAllowedAlgorithmException" -> "key algorithm not allowed (ES256 only)";
            default -> "malformed or not verifiable";
        };
    }

    private AttestedCredentialData attestedCredentialData(Device device) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + 2 + device.credentialId.length + device.publicKeyCose.length);
        buffer.putLong(device.aaguid.getMostSignificantBits()).putLong(device.aaguid.getLeastSignificantBits());
        buffer.putShort((short) device.credentialId.length).put(device.credentialId).put(device.publicKeyCose);
        return credentialDataConverter.convert(buffer.array());
    }

    private ServerProperty serverProperty(byte[] challenge) {
        return ServerProperty.builder().origins(origins).rpId(config.rpId()).challenge(new DefaultChallenge(challenge))
                .build();
    }
}
