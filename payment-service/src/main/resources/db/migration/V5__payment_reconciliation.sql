-- What ops settled with the payer's issuer outside the card network, for a payment whose reversal or refund the
-- network refused: the step, the issuer's reference, why, who booked it and when. Its money is the payment's
-- ADJUSTMENT posting in ledger_entry, booked in the same transaction; at most one per payment.
CREATE TABLE payment_reconciliation (
    payment_id     uuid PRIMARY KEY REFERENCES payment (id),
    step           text NOT NULL,
    reference      text NOT NULL,
    note           text NOT NULL,
    reconciled_by  text NOT NULL,
    reconciled_at  timestamptz NOT NULL
);
