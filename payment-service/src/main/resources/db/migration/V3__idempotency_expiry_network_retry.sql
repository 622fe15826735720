-- Idempotency-Keys expire (24 h by default): the purge finds the old ones by creation time.
CREATE INDEX idempotency_record_created ON idempotency_record (created_at);

-- A payment whose card-network step could not run (network unavailable) keeps its state and is retried from here.
ALTER TABLE payment ADD COLUMN network_retry_at timestamptz;
CREATE INDEX payment_network_retry ON payment (network_retry_at) WHERE network_retry_at IS NOT NULL;
