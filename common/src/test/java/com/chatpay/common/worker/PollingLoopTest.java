package com.chatpay.common.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollingLoopTest {

    private final Vertx vertx = Vertx.vertx();
    private PollingLoop loop;

    @AfterEach
    void stopTheLoop() throws Exception {
        if (loop != null) {
            loop.stop();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    @Test
    void shouldRetryAfterAFailureRunAgainWhileThereIsWorkAndWaitWhenThereIsNone() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        loop = new PollingLoop(vertx, "test loop", () -> {
            int call = calls.incrementAndGet();
            if (call == 1) {
                return Uni.createFrom().failure(new IllegalStateException("database away"));
            }
            return Uni.createFrom().item(call <= 4 ? 10 : 0); // calls 2-4 come back full, call 5 finds none
        }, 10, Duration.ofHours(1), Duration.ofMillis(10), Logger.getLogger(PollingLoopTest.class));
        loop.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 5);
        Thread.sleep(300);
        assertThat(calls.get()).as("idle after a batch without work").isEqualTo(5);
    }

    @Test
    void shouldWaitAfterABatchThatTookLessThanAFullOneUntilWoken() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        loop = new PollingLoop(vertx, "test loop", () -> {
            calls.incrementAndGet();
            return Uni.createFrom().item(3); // took the 3 rows there were, of a batch of 10
        }, 10, Duration.ofHours(1), Duration.ofHours(1), Logger.getLogger(PollingLoopTest.class));
        loop.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 1);
        Thread.sleep(300);
        assertThat(calls.get()).as("no batch that would find nothing after one that took everything").isEqualTo(1);

        loop.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 2);
        Thread.sleep(100);
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void shouldRunAtOnceWhenWokenDuringAnIdleWaitOrDuringABatch() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        java.util.concurrent.CompletableFuture<Integer> slowBatch = new java.util.concurrent.CompletableFuture<>();
        loop = new PollingLoop(vertx, "test loop", () -> {
            int call = calls.incrementAndGet();
            return call == 2 ? Uni.createFrom().completionStage(slowBatch) : Uni.createFrom().item(0);
        }, 10, Duration.ofHours(1), Duration.ofHours(1), Logger.getLogger(PollingLoopTest.class));
        loop.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 1);
        Thread.sleep(100);
        assertThat(calls.get()).as("idle for an hour after a batch without work").isEqualTo(1);

        loop.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 2);
        loop.wake(); // during batch 2, which finds nothing: batch 3 still runs right after it
        slowBatch.complete(0);
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 3);
        Thread.sleep(100);
        assertThat(calls.get()).as("idle again: one wake, one more batch").isEqualTo(3);
    }

    @Test
    void shouldTryAgainSoonWhileAnotherWorkerHoldsTheWorkWaitingLongerEachTime() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        java.util.List<Long> starts = new java.util.concurrent.CopyOnWriteArrayList<>();
        loop = new PollingLoop(vertx, "test loop", () -> {
            starts.add(System.nanoTime());
            return Uni.createFrom().item(calls.incrementAndGet() <= 4 ? PollingLoop.CONTENDED : 0);
        }, 10, Duration.ofHours(1), Duration.ofHours(1), Logger.getLogger(PollingLoopTest.class));
        loop.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 5);
        Thread.sleep(300);
        assertThat(calls.get()).as("idle once a batch ran and found nothing").isEqualTo(5);
        // 10, 20, 40 and 80 ms apart at least: backing off, not spinning on the other worker's lock
        for (int i = 1; i < 5; i++) {
            long gapMillis = (starts.get(i) - starts.get(i - 1)) / 1_000_000;
            assertThat(gapMillis).as("wait before try %d", i + 1)
                    .isGreaterThanOrEqualTo(PollingLoop.FIRST_CONTENDED_WAIT_MILLIS << (i - 1));
        }
    }
}
