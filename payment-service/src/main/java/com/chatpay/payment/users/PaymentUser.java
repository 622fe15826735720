package com.chatpay.payment.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What payment-service knows of a user, built from {@code onboarding.events}: whether payments are active, the
 * country and currency, the network token of the card (never a PAN), and whether the user is locked (too many
 * wrong PINs) or suspended by ops.
 */
@Entity
@Table(name = "payment_user")
public class PaymentUser {

    @Id
    @Column(name = "user_id")
    private String userId;
    private boolean active;
    private String country;
    private String currency;
    @Column(name = "card_token")
    private String cardToken;
    private boolean locked;
    private boolean suspended;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected PaymentUser() {
    }

    public static PaymentUser unknown(String userId, Instant now) {
        PaymentUser user = new PaymentUser();
        user.userId = userId;
        user.updatedAt = now;
        return user;
    }

    /** A user as stored, read in plain SQL ({@link PaymentUserRows}) rather than by Hibernate. */
    static PaymentUser restore(String userId, boolean active, String country, String currency, String cardToken,
            boolean locked, boolean suspended, Instant updatedAt) {
        PaymentUser user = unknown(userId, updatedAt);
        user.active = active;
        user.country = country;
        user.currency = currency;
        user.cardToken = cardToken;
        user.locked = locked;
        user.suspended = suspended;
        return user;
    }

    /** Onboarding finished or re-verified: payments active, any lock lifted. */
    public void activate(String country, String currency, String cardToken, Instant now) {
        this.active = true;
        this.locked = false;
        this.country = country;
        this.currency = currency;
        if (cardToken != null) {
            this.cardToken = cardToken;
        }
        this.updatedAt = now;
    }

    public void registerCard(String cardToken, Instant now) {
        this.cardToken = cardToken;
        this.updatedAt = now;
    }

    public void removeCard(String cardToken, Instant now) {
        if (cardToken.equals(this.cardToken)) {
            this.cardToken = null;
        }
        this.updatedAt = now;
    }

    public void lock(Instant now) {
        this.locked = true;
        this.updatedAt = now;
    }

    public void suspend(boolean suspended, Instant now) {
        this.suspended = suspended;
        this.updatedAt = now;
    }

    /** May not send money: locked after wrong PINs or suspended by ops. */
    public boolean isBlocked() {
        return locked || suspended;
    }

    /** Can be paid out now: active, not suspended, with a card. */
    public boolean canReceive() {
        return active && !suspended && cardToken != null;
    }

    public String userId() {
        return userId;
    }

    public boolean active() {
        return active;
    }

    public String country() {
        return country;
    }

    public String currency() {
        return currency;
    }

    public String cardToken() {
        return cardToken;
    }

    public boolean locked() {
        return locked;
    }

    public boolean suspended() {
        return suspended;
    }
}
