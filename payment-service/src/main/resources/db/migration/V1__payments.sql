-- Payments and their state machine (DESIGN §3).
CREATE TABLE payment (
    id               uuid PRIMARY KEY,
    payer_id         text NOT NULL,
    payee_id         text NOT NULL,
    conversation_id  text NOT NULL,
    amount_value     bigint NOT NULL CHECK (amount_value > 0),
    currency         text NOT NULL,
    message          text,
    payer_country    text NOT NULL,
    status           text NOT NULL,
    reason           text,
    expires_at       timestamptz,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    version          bigint NOT NULL DEFAULT 0,
    CHECK (payer_id <> payee_id)
);
-- history pages, newest first, per direction
CREATE INDEX payment_sent ON payment (payer_id, created_at DESC, id DESC);
CREATE INDEX payment_received ON payment (payee_id, created_at DESC, id DESC);
-- payments waiting for their payee: paid out on activation, expired by the sweeper
CREATE INDEX payment_awaiting_payee ON payment (payee_id) WHERE status = 'AWAITING_PAYEE';
CREATE INDEX payment_awaiting_expiry ON payment (expires_at) WHERE status = 'AWAITING_PAYEE';

-- HTTP Idempotency-Key, scoped to the payer: the request's hash and the answer it got.
CREATE TABLE idempotency_record (
    payer_id         text NOT NULL,
    idempotency_key  text NOT NULL,
    request_hash     text NOT NULL,
    payment_id       uuid NOT NULL,
    response_status  int NOT NULL,
    response_body    text NOT NULL,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (payer_id, idempotency_key)
);

-- Payment authorization tokens are single use: their jti is recorded with the payment they paid for.
CREATE TABLE used_authorization (
    jti         text PRIMARY KEY,
    payment_id  uuid NOT NULL REFERENCES payment (id) DEFERRABLE INITIALLY DEFERRED,
    used_at     timestamptz NOT NULL
);

-- Read model of onboarding.events: who can pay and receive, and with which card token.
CREATE TABLE payment_user (
    user_id     text PRIMARY KEY,
    active      boolean NOT NULL DEFAULT false,
    country     text,
    currency    text,
    card_token  text,
    locked      boolean NOT NULL DEFAULT false,
    suspended   boolean NOT NULL DEFAULT false,
    updated_at  timestamptz NOT NULL
);
