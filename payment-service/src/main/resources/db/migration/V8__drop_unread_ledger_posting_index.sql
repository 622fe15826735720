-- No statement reads ledger lines by posting: the settlement, the audit, the reconciliation and the revenue report
-- read them by payment (the unique index's first column) or by booking time (ledger_entry_commission). The index on
-- posting_id only cost writes: one insertion into a random-UUID b-tree for each of a completed payment's ten lines.
-- CONCURRENTLY: a plain DROP INDEX would queue an exclusive lock on the ledger behind any long read of it (an audit
-- page, the revenue report) and stop every settlement's insert meanwhile. Flyway runs this statement outside a
-- transaction, as PostgreSQL requires.
DROP INDEX CONCURRENTLY IF EXISTS ledger_entry_posting;
