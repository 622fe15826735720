-- onboarding-service: payment profiles (with the PIN verifier and onboarding facts), the card vault,
-- SMS challenges and issued payment authorizations.

CREATE TABLE payment_profile (
    user_id             text PRIMARY KEY,
    first_name          text NOT NULL,
    last_name           text NOT NULL,
    address_line1       text NOT NULL,
    address_line2       text,
    postal_code         text NOT NULL,
    city                text NOT NULL,
    country             text NOT NULL,
    phone_number        text NOT NULL,
    locale              text NOT NULL,
    card_registered     boolean NOT NULL DEFAULT false,
    -- PBKDF2-HMAC-SHA256 of HMAC(pepper, PIN); the pepper lives outside the database
    pin_hash            bytea,
    pin_salt            bytea,
    pin_iterations      integer,
    pin_failed_attempts integer NOT NULL DEFAULT 0,
    phone_verified      boolean NOT NULL DEFAULT false,
    locked_at           timestamptz,
    suspended           boolean NOT NULL DEFAULT false,
    activated_at        timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);

-- The card vault: the PAN only as AES-256-GCM ciphertext (12-byte IV || ciphertext || tag) with its key id.
CREATE TABLE card (
    id             uuid PRIMARY KEY,
    user_id        text NOT NULL,
    status         text NOT NULL,
    network_token  text NOT NULL,
    brand          text NOT NULL,
    last4          text NOT NULL,
    expiry_month   integer NOT NULL,
    expiry_year    integer NOT NULL,
    pan_key_id     text NOT NULL,
    pan_ciphertext bytea NOT NULL,
    -- keyed HMAC of the PAN: recognises the same card without decrypting
    fingerprint    text NOT NULL,
    created_at     timestamptz NOT NULL,
    removed_at     timestamptz
);
CREATE UNIQUE INDEX card_one_active_per_user ON card (user_id) WHERE status = 'ACTIVE';
CREATE INDEX card_fingerprint ON card (fingerprint);

-- One-time SMS codes, stored only as HMAC(key, challengeId:code).
CREATE TABLE sms_challenge (
    id         uuid PRIMARY KEY,
    user_id    text NOT NULL,
    purpose    text NOT NULL,
    code_hash  bytea NOT NULL,
    status     text NOT NULL,
    attempts   integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX sms_challenge_user_created ON sms_challenge (user_id, created_at DESC);

-- Every payment authorization token issued (the token's jti), for audit and disputes.
CREATE TABLE payment_authorization (
    jti        uuid PRIMARY KEY,
    payer_id   text NOT NULL,
    payee_id   text NOT NULL,
    amount     bigint NOT NULL,
    currency   text NOT NULL,
    method     text NOT NULL,
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX payment_authorization_payer ON payment_authorization (payer_id, issued_at DESC);
