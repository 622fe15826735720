-- The card-network simulator's memory when the replicas share it (chatpay.card-network.simulator-store=database):
-- where each reference's money stands and the network's first answer to each call. A real network keeps this on its
-- side; the simulator keeps it here so that every replica, and a restarted one, asks the same network. Empty with a
-- production adapter or the in-process store.
CREATE TABLE simulated_card_reference (
    reference     text PRIMARY KEY,
    seq           bigint GENERATED ALWAYS AS IDENTITY,
    hold          text,
    payout        text,
    charge_final  boolean NOT NULL DEFAULT false,
    answers       jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX simulated_card_reference_seq ON simulated_card_reference (seq);
