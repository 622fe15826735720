package com.chatpay.common.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting to be published, written in the same transaction as the state change that caused it. The
 * relay publishes rows in {@code seq} order and stamps {@code publishedAt}. The table comes with the shared
 * migration {@code db/common/V0_1__outbox_inbox.sql}.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    public UUID id;

    /** Insertion order, assigned by the database; the relay publishes in this order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    public String topic;

    @Column(name = "event_key")
    public String key;

    @Column(name = "event_type")
    public String type;

    /** The whole CloudEvents envelope as JSON. */
    public String envelope;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;
}
