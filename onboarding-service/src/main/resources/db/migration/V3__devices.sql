-- Devices enrolled for biometric payment confirmation (WebAuthn / FIDO2 public key credentials), and the
-- challenges issued to them.

CREATE TABLE device (
    id              uuid PRIMARY KEY,
    user_id         text NOT NULL,
    name            text NOT NULL,
    credential_id   bytea NOT NULL,
    -- the credential public key, COSE-encoded as the authenticator sent it (a public key: not a secret)
    public_key_cose bytea NOT NULL,
    aaguid          uuid NOT NULL,
    -- the authenticator's signature counter: each assertion must present a greater one
    sign_count      bigint NOT NULL,
    created_at      timestamptz NOT NULL,
    last_used_at    timestamptz
);
CREATE UNIQUE INDEX device_credential_id ON device (credential_id);
CREATE INDEX device_user ON device (user_id, created_at);

-- Challenges: random for a registration; for a payment, SHA-256 over a random nonce and the payer, payee, amount
-- and currency it confirms (the Secure Payment Confirmation idea), so an assertion is valid for that payment only.
CREATE TABLE webauthn_challenge (
    id         uuid PRIMARY KEY,
    user_id    text NOT NULL,
    purpose    text NOT NULL,
    challenge  bytea NOT NULL,
    nonce      bytea NOT NULL,
    payee_id   text,
    amount     bigint,
    currency   text,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE UNIQUE INDEX webauthn_challenge_value ON webauthn_challenge (challenge);
CREATE INDEX webauthn_challenge_user ON webauthn_challenge (user_id, created_at DESC);
