package com.chatpay.payment.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An Idempotency-Key of one payer, the hash of the request it came with and the answer that request got. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {

    @EmbeddedId
    private Key key;
    @Column(name = "request_hash")
    private String requestHash;
    @Column(name = "payment_id")
    private UUID paymentId;
    @Column(name = "response_status")
    private int responseStatus;
    @Column(name = "response_body")
    private String responseBody;
    @Column(name = "created_at")
    private Instant createdAt;

    protected IdempotencyRecord() {
    }

    public String requestHash() {
        return requestHash;
    }

    public UUID paymentId() {
        return paymentId;
    }

    public int responseStatus() {
        return responseStatus;
    }

    public String responseBody() {
        return responseBody;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Whether the key is forgotten at {@code now}: older than {@code ttl}, it no longer binds a request. */
    public boolean isExpired(Instant now, java.time.Duration ttl) {
        return !createdAt.plus(ttl).isAfter(now);
    }

    /** Keys are scoped to the payer: two users may use the same key. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "payer_id")
        private String payerId;
        @Column(name = "idempotency_key")
        private String idempotencyKey;

        protected Key() {
        }

        public Key(String payerId, String idempotencyKey) {
            this.payerId = payerId;
            this.idempotencyKey = idempotencyKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && payerId.equals(k.payerId) && idempotencyKey.equals(k.idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(payerId, idempotencyKey);
        }
    }
}
