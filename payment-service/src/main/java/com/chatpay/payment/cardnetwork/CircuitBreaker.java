package com.chatpay.payment.cardnetwork;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A circuit breaker: CLOSED lets calls through and counts consecutive failures; {@code failureThreshold} of them
 * open it. OPEN refuses every call until {@code coolDown} has passed, then lets exactly one trial call through
 * (HALF_OPEN): its success closes the breaker, its failure opens it for another cool-down. A trial whose outcome is
 * never reported (its caller cancelled, or lost it) counts as failed once a cool-down has passed, and the next call is
 * the new trial: one lost report must not keep the breaker half-open, refusing every call, until a restart.
 * Thread-safe.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final Duration coolDown;
    private final Clock clock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt;
    /** When the half-open state's trial started: HALF_OPEN always has one in flight (its report ends the state). */
    private Instant trialStartedAt;

    public CircuitBreaker(int failureThreshold, Duration coolDown, Clock clock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("the failure threshold is at least 1");
        }
        this.failureThreshold = failureThreshold;
        this.coolDown = coolDown;
        this.clock = clock;
    }

    /** Whether a call may go through now; a caller that got true must report {@link #onSuccess} or {@link #onFailure}. */
    public synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (clock.instant().isBefore(openedAt.plus(coolDown))) {
                    return false;
                }
                state = State.HALF_OPEN;
                return startTrial();
            default:
                if (clock.instant().isBefore(trialStartedAt.plus(coolDown))) {
                    return false;
                }
                return startTrial();
        }
    }

    private boolean startTrial() {
        trialStartedAt = clock.instant();
        return true;
    }

    /** The call got an answer from the network (approved or a business decline). */
    public synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
    }

    /** The network failed to answer (error or timeout). */
    public synchronized void onFailure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = clock.instant();
        }
    }

    public synchronized State state() {
        return state;
    }
}
