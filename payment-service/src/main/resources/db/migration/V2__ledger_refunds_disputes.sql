-- Double-entry ledger (DESIGN §6 "money is conserved"): one row per line of a posting; a posting's lines share
-- posting_id and balance per currency. A payment has at most one posting of each kind.
CREATE TABLE ledger_entry (
    id            uuid PRIMARY KEY,
    posting_id    uuid NOT NULL,
    payment_id    uuid NOT NULL REFERENCES payment (id),
    kind          text NOT NULL,
    country       text NOT NULL,
    account       text NOT NULL,
    side          text NOT NULL CHECK (side IN ('DEBIT', 'CREDIT')),
    amount_value  bigint NOT NULL CHECK (amount_value > 0),
    currency      text NOT NULL,
    booked_at     timestamptz NOT NULL,
    UNIQUE (payment_id, kind, account, side)
);
CREATE INDEX ledger_entry_posting ON ledger_entry (posting_id);
-- ops revenue per month: commissions by booking time
CREATE INDEX ledger_entry_commission ON ledger_entry (booked_at)
    WHERE kind IN ('COMMISSION', 'COMMISSION_REVERSAL') AND account = 'PLATFORM_COMMISSION';

-- Who refunded a payment, and why (the payment's reason holds the stable code).
CREATE TABLE payment_refund (
    payment_id    uuid PRIMARY KEY REFERENCES payment (id),
    requested_by  text NOT NULL,
    by_ops        boolean NOT NULL,
    note          text NOT NULL,
    refunded_at   timestamptz NOT NULL
);

-- Disputes opened by payers on completed payments; ops resolve them by refunding or rejecting.
CREATE TABLE dispute (
    id               uuid PRIMARY KEY,
    payment_id       uuid NOT NULL REFERENCES payment (id),
    payer_id         text NOT NULL,
    reason           text NOT NULL,
    status           text NOT NULL,
    opened_at        timestamptz NOT NULL,
    resolved_at      timestamptz,
    resolved_by      text,
    resolution_note  text,
    version          bigint NOT NULL DEFAULT 0
);
-- one open dispute per payment
CREATE UNIQUE INDEX dispute_open_per_payment ON dispute (payment_id) WHERE status = 'OPEN';
CREATE INDEX dispute_queue ON dispute (status, opened_at, id);
