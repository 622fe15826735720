package com.chatpay.harness.load;

import com.chatpay.harness.api.ChatpayApi;
import com.chatpay.harness.api.ChatpayApi.Reply;
import com.chatpay.harness.api.Person;
import com.chatpay.harness.load.LoadResult.AcceptedPayment;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-loop load of payments between people already onboarded: each payment is what a person does in a chat —
 * a payment authorization with the PIN, then {@code POST /v1/payments} — and, with an {@link OutcomeWatcher}, the
 * wait for its outcome event. Payer and payee are drawn at random (never the same person).
 */
public final class PaymentLoad {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final ChatpayApi api;
    private final List<Person> people;
    private final LoadPlan plan;
    private final OutcomeWatcher watcher;
    private final AtomicInteger inFlight = new AtomicInteger();

    /** {@code watcher} may be null: then only acceptance is measured. */
    public PaymentLoad(ChatpayApi api, List<Person> people, LoadPlan plan, OutcomeWatcher watcher) {
        if (people.size() < 2) {
            throw new IllegalArgumentException("a load needs at least two people");
        }
        this.api = api;
        this.people = List.copyOf(people);
        this.plan = plan;
        this.watcher = watcher;
    }

    /** Payments started and not finished yet (to report how many were in flight when a fault struck). */
    public int inFlight() {
        return inFlight.get();
    }

    /** Runs the load in the background; the future completes once every payment has finished. */
    public CompletableFuture<LoadResult> start() {
        CompletableFuture<LoadResult> result = new CompletableFuture<>();
        Thread driver = new Thread(() -> {
            try {
                result.complete(run());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "payment-load");
        driver.setDaemon(true);
        driver.start();
        return result;
    }

    /** Runs the load and returns once every payment has finished (outcome seen, failed, or timed out). */
    public LoadResult run() {
        long count = plan.payments();
        double intervalNanos = 1e9 / plan.ratePerSecond();
        Histogram accept = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        Histogram endToEnd = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<AcceptedPayment> accepted = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Void>> all = new ArrayList<>((int) Math.min(count, 1_000_000));
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "payment-load-timers");
            t.setDaemon(true);
            return t;
        });
        long t0 = System.nanoTime();
        long lastStart = t0;
        try {
            for (long i = 0; i < count; i++) {
                long scheduled = t0 + (long) (i * intervalNanos);
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                lastStart = scheduled;
                inFlight.incrementAndGet();
                all.add(onePayment(scheduled, accept, endToEnd, errors, outcomes, accepted, timers)
                        .whenComplete((ok, e) -> inFlight.decrementAndGet()));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        } finally {
            timers.shutdownNow();
        }
        long end = System.nanoTime();
        return new LoadResult(count, List.copyOf(accepted), freeze(outcomes), freeze(errors), accept, endToEnd,
                Duration.ofNanos(end - t0), Duration.ofNanos(lastStart - t0));
    }

    private CompletableFuture<Void> onePayment(long scheduled, Histogram accept, Histogram endToEnd,
            Map<String, LongAdder> errors, Map<String, LongAdder> outcomes, ConcurrentLinkedQueue<AcceptedPayment> accepted,
            ScheduledExecutorService timers) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Person payer = people.get(random.nextInt(people.size()));
        Person payee;
        do {
            payee = people.get(random.nextInt(people.size()));
        } while (payee == payer);
        long drawn = plan.minCents() == plan.maxCents() ? plan.minCents()
                : random.nextLong(plan.minCents(), plan.maxCents() + 1);
        // whole euros (when the plan allows): an amount of cents never reads like someone's PIN in a secret scan
        long cents = drawn >= 100 && drawn - drawn % 100 >= plan.minCents() ? drawn - drawn % 100 : drawn;
        String key = UUID.randomUUID().toString();
        Person to = payee;
        AtomicInteger attempts = new AtomicInteger();
        return withRetries(() -> api.authorizeAsync(payer, to.userId(), cents, payer.pin()), retryUntil(), 0, timers)
                .thenCompose(auth -> {
                    if (auth.status() != 201) {
                        throw new Failure("authorize " + describe(auth));
                    }
                    String token = auth.field("authorizationToken");
                    return withRetries(() -> {
                        attempts.incrementAndGet();
                        return api.payAsync(payer, to.userId(), cents, token, key, 0);
                    }, retryUntil(), 0, timers);
                })
                .thenCompose(reply -> {
                    if (reply.status() != 201 && reply.status() != 202 && reply.status() != 200) {
                        throw new Failure("pay " + describe(reply));
                    }
                    accept.recordValue(micros(System.nanoTime() - scheduled));
                    String paymentId = reply.field("paymentId");
                    accepted.add(new AcceptedPayment(paymentId, payer.userId(), to.userId(), cents, attempts.get()));
                    if (watcher == null) {
                        return CompletableFuture.completedFuture(null);
                    }
                    return watcher.outcomeOf(paymentId)
                            .orTimeout(plan.outcomeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .handle((outcome, e) -> {
                                watcher.forget(paymentId);
                                if (e != null) {
                                    throw new Failure("no outcome within " + plan.outcomeTimeout().toSeconds() + " s");
                                }
                                endToEnd.recordValue(micros(Math.max(0, outcome.seenAtNanos() - scheduled)));
                                outcomes.computeIfAbsent(outcome.type(), t -> new LongAdder()).increment();
                                return null;
                            });
                })
                .handle((ok, e) -> {
                    if (e != null) {
                        errors.computeIfAbsent(kind(e), k -> new LongAdder()).increment();
                    }
                    return null;
                });
    }

    private long retryUntil() {
        return System.nanoTime() + plan.retryFor().toNanos();
    }

    /**
     * Retries a call that failed without an answer or with a 5xx until {@code deadline} (System.nanoTime): after
     * 0.5 s, 1 s, 2 s, 4 s, then every 5 s.
     */
    private static CompletableFuture<Reply> withRetries(Supplier<CompletableFuture<Reply>> call, long deadline,
            int attempt, ScheduledExecutorService timers) {
        return call.get().handle((reply, e) -> {
            long delayMs = Math.min(5_000, 500L * (1L << Math.min(4, attempt)));
            boolean retryable = e != null || reply.status() >= 500;
            if (!retryable || System.nanoTime() + delayMs * 1_000_000 > deadline) {
                return e == null ? CompletableFuture.completedFuture(reply) : CompletableFuture.<Reply>failedFuture(e);
            }
            CompletableFuture<Reply> later = new CompletableFuture<>();
            timers.schedule(() -> withRetries(call, deadline, attempt + 1, timers).whenComplete((r, e2) -> {
                if (e2 != null) {
                    later.completeExceptionally(e2);
                } else {
                    later.complete(r);
                }
            }), delayMs, TimeUnit.MILLISECONDS);
            return later;
        }).thenCompose(f -> f);
    }

    private static String describe(Reply reply) {
        String code = reply.field("code");
        return reply.status() + (code == null ? "" : " " + code);
    }

    private static String kind(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof Failure f) {
            return f.getMessage();
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return "request timed out";
        }
        if (cause instanceof java.io.IOException) {
            return "connection lost (" + Objects.requireNonNullElse(cause.getMessage(), cause.getClass().getSimpleName())
                    .replaceAll("[0-9]+", "#") + ")";
        }
        return cause.getClass().getSimpleName();
    }

    private static long micros(long nanos) {
        return Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1000));
    }

    private static Map<String, Long> freeze(Map<String, LongAdder> counters) {
        Map<String, Long> frozen = new TreeMap<>();
        counters.forEach((k, v) -> frozen.put(k, v.sum()));
        return frozen;
    }

    /** A payment that ended in an error of a known kind. */
    private static final class Failure extends RuntimeException {
        Failure(String kind) {
            super(kind, null, false, false);
        }
    }
}
