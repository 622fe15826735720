-- The outbox relay is no longer woken by PostgreSQL's NOTIFY: a transaction that notifies takes, from the start of
-- its commit to its end, a lock shared by every database of the server, so notifying commits ran one at a time,
-- each waiting for the previous one's flush to disk. The service that commits events wakes its own relay instead
-- (Outbox, OutboxRelay.wake). This removes the trigger and the function earlier versions of this file created.
-- Repeatable: re-applied when this file changes.
DROP TRIGGER IF EXISTS outbox_event_notify ON outbox_event;
DROP FUNCTION IF EXISTS chatpay_outbox_notify();
