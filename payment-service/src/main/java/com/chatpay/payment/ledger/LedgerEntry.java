package com.chatpay.payment.ledger;

import com.chatpay.common.ids.TimeOrderedIds;
import com.chatpay.common.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** One booked line of a {@link LedgerPosting}; rows are only ever inserted. */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry {

    @Id
    private UUID id;
    @Column(name = "posting_id")
    private UUID postingId;
    @Column(name = "payment_id")
    private UUID paymentId;
    @Enumerated(EnumType.STRING)
    private PostingKind kind;
    private String country;
    @Enumerated(EnumType.STRING)
    private Account account;
    @Enumerated(EnumType.STRING)
    private Side side;
    @Column(name = "amount_value")
    private long amountValue;
    private String currency;
    @Column(name = "booked_at")
    private Instant bookedAt;

    protected LedgerEntry() {
    }

    static LedgerEntry of(UUID postingId, LedgerPosting posting, LedgerPosting.Entry entry) {
        LedgerEntry row = new LedgerEntry();
        row.id = TimeOrderedIds.next();
        row.postingId = postingId;
        row.paymentId = posting.paymentId();
        row.kind = posting.kind();
        row.country = posting.country();
        row.account = entry.account();
        row.side = entry.side();
        row.amountValue = entry.amount().value();
        row.currency = entry.amount().currency();
        row.bookedAt = posting.bookedAt().truncatedTo(ChronoUnit.MICROS);
        return row;
    }

    public UUID postingId() {
        return postingId;
    }

    public UUID paymentId() {
        return paymentId;
    }

    public PostingKind kind() {
        return kind;
    }

    public String country() {
        return country;
    }

    public Instant bookedAt() {
        return bookedAt;
    }

    public LedgerPosting.Entry entry() {
        return new LedgerPosting.Entry(account, side, new Money(amountValue, currency));
    }
}
