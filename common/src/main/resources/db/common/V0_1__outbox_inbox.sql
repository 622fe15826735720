-- Shared by every service: the transactional outbox and the idempotent-consumer inbox.

CREATE TABLE outbox_event (
    id           uuid PRIMARY KEY,
    seq          bigserial NOT NULL UNIQUE,
    topic        text NOT NULL,
    event_key    text NOT NULL,
    event_type   text NOT NULL,
    envelope     text NOT NULL,
    created_at   timestamptz NOT NULL,
    published_at timestamptz
);
-- the relay's query: unpublished rows in insertion order
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;

CREATE TABLE processed_event (
    consumer_group text NOT NULL,
    event_id       uuid NOT NULL,
    event_type     text NOT NULL,
    processed_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, event_id)
);
