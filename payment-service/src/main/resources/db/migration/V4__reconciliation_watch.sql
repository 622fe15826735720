-- The reconciliation watch (ReconciliationWatch) counts, every minute, the payments whose money the card network
-- refused to give back. These partial indexes keep that count to the few rows it is about instead of a scan of
-- every payment and ledger line: FAILED payments (a few per cent of them), and payouts taken back for a refund.
CREATE INDEX payment_failed ON payment (id) WHERE status = 'FAILED';
CREATE INDEX ledger_entry_payout_reversal ON ledger_entry (payment_id) WHERE kind = 'PAYOUT_REVERSAL';
