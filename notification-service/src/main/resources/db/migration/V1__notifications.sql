-- notification-service: SMS delivery attempts, the SMS simulator's record, known users and the in-app feed.

-- What the SMS simulator "sent" (it stands for the operator's network; /dev/sms reads it in the dev profile).
-- The idempotency key makes a repeated send of the same message a no-op at the "operator".
CREATE TABLE sms_message (
    id              bigserial PRIMARY KEY,
    idempotency_key text NOT NULL UNIQUE,
    phone_number    text NOT NULL,
    text            text NOT NULL,
    sent_at         timestamptz NOT NULL
);
CREATE INDEX sms_message_by_phone ON sms_message (phone_number, sent_at, id);

-- Every attempt to hand an SMS to the provider, with its outcome. Never holds the text (it carries codes).
CREATE TABLE sms_delivery_attempt (
    id                  uuid PRIMARY KEY,
    delivery_key        text NOT NULL,
    user_id             text NOT NULL,
    attempt             int NOT NULL,
    status              text NOT NULL CHECK (status IN ('SENDING', 'SENT', 'FAILED')),
    error               text,
    provider_message_id text,
    started_at          timestamptz NOT NULL,
    finished_at         timestamptz,
    CONSTRAINT sms_delivery_attempt_once UNIQUE (delivery_key, attempt)
);
CREATE INDEX sms_delivery_attempt_failed ON sms_delivery_attempt (started_at) WHERE status = 'FAILED';

-- What notifications need to know about a user, learnt from PaymentsActivated.
CREATE TABLE known_user (
    user_id    text PRIMARY KEY,
    first_name text,
    locale     text,
    updated_at timestamptz NOT NULL
);

-- The in-app feed: exactly one notification per (user, payment, kind).
CREATE TABLE notification (
    id         uuid PRIMARY KEY,
    user_id    text NOT NULL,
    payment_id uuid NOT NULL,
    kind       text NOT NULL,
    text       text NOT NULL,
    created_at timestamptz NOT NULL,
    read_at    timestamptz,
    CONSTRAINT notification_once UNIQUE (user_id, payment_id, kind)
);
CREATE INDEX notification_feed ON notification (user_id, created_at DESC, id DESC);
