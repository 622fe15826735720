package com.chatpay.harness.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a load run saw. Latencies are in microseconds, measured from each payment's scheduled start (so a stalled
 * system cannot hide its queueing: no coordinated omission): {@code accept} until {@code POST /v1/payments} answered,
 * {@code endToEnd} until the payment's outcome event was read.
 *
 * @param offered   payments the plan started
 * @param accepted  the payments chatpay accepted (answered 201/202 with an id)
 * @param outcomes  outcome event type → count (only with an outcome watcher)
 * @param errors    error kind (e.g. {@code authorize 503 SERVICE_UNAVAILABLE}, {@code pay connection refused},
 *                  {@code no outcome within 30 s}) → count
 * @param elapsed   from the first scheduled start until the last payment finished
 * @param sendSpan  from the first to the last scheduled start (the offered rate is offered / sendSpan)
 */
public record LoadResult(long offered, List<AcceptedPayment> accepted, Map<String, Long> outcomes,
        Map<String, Long> errors, Histogram accept, Histogram endToEnd, Duration elapsed, Duration sendSpan) {

    /** A payment chatpay accepted. */
    public record AcceptedPayment(String paymentId, String payerId, String payeeId, long cents, int attempts) {
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Payments per second that reached their outcome (or, without a watcher, were accepted). */
    public double achievedPerSecond() {
        long done = outcomes.isEmpty() ? accepted.size() : outcomes.values().stream().mapToLong(Long::longValue).sum();
        return done / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }

    public double offeredPerSecond() {
        return offered / Math.max(1e-9, Math.max(sendSpan.toNanos(), 1) / 1e9);
    }

    /** Share (0..1) of measured end-to-end latencies above {@code limit}, errors counted as over. */
    public double shareOver(Duration limit) {
        long total = endToEnd.getTotalCount() + errorCount();
        if (total == 0) {
            return 0;
        }
        long over = endToEnd.getTotalCount() - endToEnd.getCountBetweenValues(0, limit.toNanos() / 1000);
        return (double) (over + errorCount()) / total;
    }
}
