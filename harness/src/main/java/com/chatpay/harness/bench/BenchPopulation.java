package com.chatpay.harness.bench;

import com.chatpay.harness.api.ChatpayApi;
import com.chatpay.harness.api.ChatpayApi.Reply;
import com.chatpay.harness.api.Person;
import com.chatpay.stack.service.ChatpayService;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The people of a bench run. Onboarding 1,000 people through the real API takes about a minute, so a run keeps
 * them in {@code <stack>/bench/population.json} (owner-only: it holds the synthetic people's PINs, like the dev keys
 * next to it) and the next run against the same stack reuses each one it can prove still fit: onboarding answers
 * {@code ACTIVE} for them and limits-service still leaves them {@code minRemainingCents} to spend. The others are
 * replaced by newly onboarded people.
 */
public final class BenchPopulation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHECK_CONCURRENCY = 32;
    /**
     * The SMS of each onboarding goes through notification-service's simulated provider one at a time (~100 ms
     * each): more people at once only lengthens the queue each waits in, past the harness's 30 s wait for a code.
     */
    private static final int ONBOARDING_CONCURRENCY = 8;
    private static final int BATCH = 100;

    /** The people and how many were reused. */
    public record People(List<Person> people, int reused, int onboarded) {
    }

    private record Stored(String userId, String firstName, String phoneNumber, String card, String cvc, String pin) {
    }

    private final ChatpayApi api;
    private final Path file;
    private final PrintStream out;

    public BenchPopulation(ChatpayApi api, Path file, PrintStream out) {
        this.api = api;
        this.file = file;
        this.out = out;
    }

    /** {@code count} people able to pay {@code minRemainingCents}: reused when proven fit, else onboarded. */
    public People obtain(int count, long minRemainingCents) {
        List<Person> stored = load();
        List<Person> fit = stored.isEmpty() ? List.of() : stillFit(stored, minRemainingCents);
        List<Person> people = new ArrayList<>(fit.subList(0, Math.min(count, fit.size())));
        if (!stored.isEmpty()) {
            out.printf("  %d of %d people of an earlier run are still ACTIVE with room in their limits%n", fit.size(),
                    stored.size());
        }
        int missing = count - people.size();
        if (missing > 0) {
            out.printf("  onboarding %d people through the API (%d at a time, saved every %d)...%n", missing,
                    ONBOARDING_CONCURRENCY, BATCH);
            long t0 = System.nanoTime();
            List<Person> keep = new ArrayList<>(fit);
            int failures = 0;
            while (people.size() < count) {
                int batch = Math.min(BATCH, count - people.size());
                List<Person> fresh = onboardBatch(batch);
                failures += batch - fresh.size();
                if (failures > Math.max(10, count / 10)) {
                    throw new IllegalStateException(failures + " onboardings failed; is the stack healthy?");
                }
                people.addAll(fresh);
                keep.addAll(fresh);
                // on file as soon as onboarded: an interrupted run does not lose them
                save(keep);
            }
            out.printf("  onboarded %d people in %.1f s (%d attempts failed and were replaced)%n", missing,
                    (System.nanoTime() - t0) / 1e9, failures);
        }
        return new People(List.copyOf(people), count - Math.max(0, missing), Math.max(0, missing));
    }

    /** Onboards up to {@code n} new people, {@link #ONBOARDING_CONCURRENCY} at a time; the failed ones are dropped. */
    private List<Person> onboardBatch(int n) {
        ExecutorService pool = Executors.newFixedThreadPool(ONBOARDING_CONCURRENCY, r -> {
            Thread t = new Thread(r, "bench-onboarding");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Person>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Person person = Person.create("bench");
                futures.add(pool.submit(() -> {
                    api.onboard(person);
                    return person;
                }));
            }
            List<Person> done = new ArrayList<>();
            for (Future<Person> f : futures) {
                try {
                    done.add(f.get());
                } catch (ExecutionException failed) {
                    out.println("  an onboarding failed (" + failed.getCause().getMessage()
                            + "); replacing that person");
                }
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The people of the file that onboarding says are ACTIVE and whose limits leave them enough. */
    List<Person> stillFit(List<Person> candidates, long minRemainingCents) {
        Semaphore permits = new Semaphore(CHECK_CONCURRENCY);
        List<Person> fit = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> checks = new ArrayList<>();
        for (Person p : candidates) {
            permits.acquireUninterruptibly();
            CompletableFuture<Void> check = api.get(ChatpayService.ONBOARDING, "/v1/me/onboarding").as(p.userId())
                    .sendAsync()
                    .thenCompose(onboarding -> !isActive(onboarding) ? CompletableFuture.completedFuture(false)
                            : api.get(ChatpayService.LIMITS, "/v1/me/limits").as(p.userId()).sendAsync()
                                    .thenApply(limits -> remaining(limits) >= minRemainingCents))
                    .handle((ok, e) -> {
                        permits.release();
                        if (e == null && ok) {
                            fit.add(p);
                        }
                        return null;
                    });
            checks.add(check);
        }
        CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).join();
        // keep the file's order, so that runs draw the same people first
        return candidates.stream().filter(fit::contains).toList();
    }

    private static boolean isActive(Reply reply) {
        return reply.status() == 200 && "ACTIVE".equals(reply.field("status"));
    }

    private static long remaining(Reply reply) {
        if (reply.status() != 200) {
            return -1;
        }
        var node = reply.json().path("remaining");
        return node.has("value") ? node.path("value").asLong(-1) : node.asLong(-1);
    }

    List<Person> load() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<Stored> stored = JSON.readValue(file.toFile(), new TypeReference<List<Stored>>() { });
            return stored.stream().map(s -> new Person(s.userId(), s.firstName(), s.phoneNumber(), s.card(), s.cvc(),
                    s.pin(), new CopyOnWriteArrayList<>())).toList();
        } catch (IOException unreadable) {
            out.println("  the population file " + file + " is unreadable; onboarding new people");
            return List.of();
        }
    }

    void save(List<Person> people) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "population", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            List<Stored> stored = people.stream().map(p -> new Stored(p.userId(), p.firstName(), p.phoneNumber(),
                    p.card(), p.cvc(), p.pin())).toList();
            JSON.writeValue(tmp.toFile(), stored);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

}
