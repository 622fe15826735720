-- No statement reads ledger lines by posting: the settlement, the audit, the reconciliation and the revenue report
-- read them by payment (the unique index's first column) or by booking time (ledger_entry_commission). The index on
-- posting_id only cost writes: one insertion into a random-UUID b-tree for each of a completed payment's ten lines.
DROP INDEX IF EXISTS ledger_entry_posting;
