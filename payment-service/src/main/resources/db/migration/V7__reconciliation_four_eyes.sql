-- Four eyes on a manual ledger entry: one operator proposes the reconciliation (the issuer's reference, why), a second
-- one approves it, and only then is its ADJUSTMENT booked. A proposal waits as PENDING_APPROVAL with who asked and
-- when; reconciled_by / reconciled_at are the approver's. Rows booked before this migration had one operator, who is
-- recorded as both; the four-eyes check holds for every row written from now on (NOT VALID: not checked on those).
ALTER TABLE payment_reconciliation
    ADD COLUMN status text NOT NULL DEFAULT 'RECONCILED',
    ADD COLUMN requested_by text,
    ADD COLUMN requested_at timestamptz;
UPDATE payment_reconciliation SET requested_by = reconciled_by, requested_at = reconciled_at;
ALTER TABLE payment_reconciliation
    ALTER COLUMN status DROP DEFAULT,
    ALTER COLUMN requested_by SET NOT NULL,
    ALTER COLUMN requested_at SET NOT NULL,
    ALTER COLUMN reconciled_by DROP NOT NULL,
    ALTER COLUMN reconciled_at DROP NOT NULL,
    ADD CONSTRAINT payment_reconciliation_status CHECK (
        (status = 'PENDING_APPROVAL' AND reconciled_by IS NULL AND reconciled_at IS NULL)
        OR (status = 'RECONCILED' AND reconciled_by IS NOT NULL AND reconciled_at IS NOT NULL)),
    ADD CONSTRAINT payment_reconciliation_four_eyes CHECK (reconciled_by IS NULL OR reconciled_by <> requested_by)
        NOT VALID;
