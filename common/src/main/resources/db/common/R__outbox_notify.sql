-- Every transaction that inserts outbox events notifies the outbox relay when it commits (PostgreSQL delivers
-- notifications at commit, folds identical ones of one transaction into one, and drops them on rollback), so the
-- relay publishes at once instead of at its next poll. Repeatable: re-applied when this file changes.
CREATE OR REPLACE FUNCTION chatpay_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('chatpay_outbox', '');
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS outbox_event_notify ON outbox_event;
CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION chatpay_outbox_notify();
