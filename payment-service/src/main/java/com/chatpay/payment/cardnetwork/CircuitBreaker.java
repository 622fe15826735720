package com.chatpay.payment.cardnetwork;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A circuit breaker over the share of failed calls among the latest ones (a count-based sliding window). CLOSED lets
 * calls through and keeps the outcomes of the last {@code windowSize}; once the window holds at least
 * {@code minimumCalls} of them and the failed share reaches {@code failureRateThreshold}, it opens. OPEN refuses every
 * call until {@code coolDown} has passed, then lets exactly one trial call through (HALF_OPEN): its success closes the
 * breaker with an empty window, its failure opens it for another cool-down. Outcomes reported while OPEN (calls made
 * before it opened) are not counted: the cool-down decides. A trial whose outcome is never reported (its caller
 * cancelled, or lost it) counts as failed once a cool-down has passed, and the next call is the new trial: one lost
 * report must not keep the breaker half-open, refusing every call, until a restart.
 *
 * <p>A share, not a run of consecutive failures: the network's answers interleave those of every issuer, and one
 * issuer that stops answering (its cards' calls time out) while the others answer made runs of consecutive failures
 * under load, opening the breaker for every payer. With a fifth of the calls failing, a run of 5 comes once in about
 * 3,900 calls (seconds at a busy hour's rate); half of a window of 50 failing, once in about 500,000 windows. A real
 * outage fails every call and opens it after {@code minimumCalls}. Thread-safe.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final Duration coolDown;
    private final Clock clock;
    private final int minimumCalls;
    private final double failureRateThreshold;
    /** The latest outcomes while CLOSED, true for a failure: a ring of {@code windowSize}. */
    private final boolean[] window;

    private State state = State.CLOSED;
    private int recorded;
    private int failures;
    private int next;
    private Instant openedAt;
    /** When the half-open state's trial started: HALF_OPEN always has one in flight (its report ends the state). */
    private Instant trialStartedAt;

    public CircuitBreaker(int windowSize, int minimumCalls, double failureRateThreshold, Duration coolDown,
            Clock clock) {
        if (minimumCalls < 1 || windowSize < minimumCalls) {
            throw new IllegalArgumentException("the window holds at least the minimum of calls, at least 1");
        }
        if (!(failureRateThreshold > 0 && failureRateThreshold <= 1)) {
            throw new IllegalArgumentException("the failure rate threshold is in (0, 1]");
        }
        this.window = new boolean[windowSize];
        this.minimumCalls = minimumCalls;
        this.failureRateThreshold = failureRateThreshold;
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
        record(false);
    }

    /** The network failed to answer (error or timeout). */
    public synchronized void onFailure() {
        record(true);
    }

    private void record(boolean failed) {
        switch (state) {
            case HALF_OPEN:
                if (failed) {
                    open();
                } else {
                    state = State.CLOSED;
                    clearWindow();
                }
                return;
            case OPEN:
                return;
            default:
                if (recorded == window.length) {
                    failures -= window[next] ? 1 : 0;
                } else {
                    recorded++;
                }
                window[next] = failed;
                failures += failed ? 1 : 0;
                next = (next + 1) % window.length;
                if (recorded >= minimumCalls && failures >= failureRateThreshold * recorded) {
                    open();
                }
        }
    }

    private void open() {
        state = State.OPEN;
        openedAt = clock.instant();
        clearWindow();
    }

    private void clearWindow() {
        recorded = 0;
        failures = 0;
        next = 0;
    }

    public synchronized State state() {
        return state;
    }
}
