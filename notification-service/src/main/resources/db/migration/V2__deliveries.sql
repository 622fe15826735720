-- notification-service: every outgoing delivery (SMS, push, conversation bubble) as a row the delivery worker sends
-- with retries; push tokens; notification preferences.

-- One row per message to hand to an outside system. Created in the transaction that consumes the event (so exactly
-- once per event), then sent by the delivery worker: PENDING → SENT, or FAILED after the maximum attempts (ops can
-- retry), or SKIPPED (nothing to send to: the webhook is not configured). dedup_key makes a second event of the same
-- meaning add nothing (one SMS per code, one bubble per payment state, one push per notification and device).
-- payload is what the channel sends, never a secret in clear: an SMS row keeps the code encrypted for this service
-- only, and renders the text when it sends. last_error never holds message content.
CREATE TABLE delivery (
    id              uuid PRIMARY KEY,
    channel         text NOT NULL CHECK (channel IN ('SMS', 'PUSH', 'WEBHOOK')),
    dedup_key       text NOT NULL,
    user_id         text,
    payment_id      uuid,
    payload         text NOT NULL,
    status          text NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    attempts        int NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    event_at        timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    CONSTRAINT delivery_once UNIQUE (dedup_key)
);
-- the worker's queue: due rows first
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
-- ops listing per status, newest first
CREATE INDEX delivery_by_status ON delivery (status, created_at DESC, id DESC);
CREATE INDEX delivery_by_payment ON delivery (payment_id);

-- The SMS attempts log of V1 is replaced by the delivery rows.
DROP TABLE sms_delivery_attempt;

-- Push tokens of each user's devices: a token belongs to one device, so to its latest user; at most a few per user.
CREATE TABLE push_token (
    token         text PRIMARY KEY,
    user_id       text NOT NULL,
    platform      text NOT NULL CHECK (platform IN ('APNS', 'FCM')),
    registered_at timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX push_token_by_user ON push_token (user_id, updated_at DESC);

-- What the push simulator "sent" (it stands for APNs/FCM). The idempotency key makes a repeated send a no-op.
CREATE TABLE push_message (
    id              bigserial PRIMARY KEY,
    idempotency_key text NOT NULL UNIQUE,
    token           text NOT NULL,
    platform        text NOT NULL,
    text            text NOT NULL,
    sent_at         timestamptz NOT NULL
);
CREATE INDEX push_message_by_token ON push_message (token, sent_at, id);

-- Per-user notification preferences; no row means the defaults (nothing muted).
CREATE TABLE notification_preference (
    user_id                text PRIMARY KEY,
    mute_payments_received boolean NOT NULL,
    updated_at             timestamptz NOT NULL
);
