-- Limit policies per country, changed by ops at run time; every change audited.
CREATE TABLE limit_policy (
    country                   char(2) PRIMARY KEY,
    currency                  char(3) NOT NULL,
    per_payment_max           bigint NOT NULL CHECK (per_payment_max > 0),
    window_max                bigint NOT NULL CHECK (window_max >= per_payment_max),
    window_kind               text NOT NULL,          -- P<n>D or CALENDAR_MONTH
    time_zone                 text NOT NULL DEFAULT 'UTC',
    max_payments_per_window   integer CHECK (max_payments_per_window IS NULL OR max_payments_per_window > 0),
    refund_restores_headroom  boolean NOT NULL DEFAULT true,
    updated_at                timestamptz NOT NULL DEFAULT now(),
    updated_by                text NOT NULL DEFAULT 'migration'
);

INSERT INTO limit_policy (country, currency, per_payment_max, window_max, window_kind, time_zone)
VALUES ('FR', 'EUR', 50000, 150000, 'P30D', 'Europe/Paris'),
       ('US', 'USD', 50000, 150000, 'P30D', 'America/New_York');

CREATE TABLE limit_policy_audit (
    id          uuid PRIMARY KEY,
    country     char(2) NOT NULL,
    changed_by  text NOT NULL,
    changed_at  timestamptz NOT NULL,
    old_policy  text,
    new_policy  text NOT NULL
);
CREATE INDEX limit_policy_audit_country ON limit_policy_audit (country, changed_at DESC);

-- One row per user: locked FOR UPDATE by each decision, so a user's decisions are serialised across instances.
CREATE TABLE user_limit (
    user_id     text PRIMARY KEY,
    country     char(2),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per payment decided: the reservation and its fate.
CREATE TABLE reservation (
    payment_id   uuid PRIMARY KEY,
    user_id      text NOT NULL REFERENCES user_limit (user_id),
    amount       bigint NOT NULL CHECK (amount > 0),
    currency     char(3) NOT NULL,
    status       text NOT NULL CHECK (status IN ('RESERVED', 'CONSUMED', 'RELEASED', 'REFUNDED', 'REJECTED')),
    reason       text,
    decided_at   timestamptz NOT NULL,
    consumed_at  timestamptz,
    released_at  timestamptz
);
-- what counts: reservations still held, and consumed amounts by completion time
CREATE INDEX reservation_counted ON reservation (user_id, consumed_at) WHERE status IN ('RESERVED', 'CONSUMED');
