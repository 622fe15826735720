package com.chatpay.common.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

class PollingLoopTest {

    @Test
    void shouldRetryAfterAFailureRunAgainWhileThereIsWorkAndWaitWhenThereIsNone() throws Exception {
        Vertx vertx = Vertx.vertx();
        AtomicInteger calls = new AtomicInteger();
        PollingLoop loop = new PollingLoop(vertx, "test loop", () -> {
            int call = calls.incrementAndGet();
            if (call == 1) {
                return Uni.createFrom().failure(new IllegalStateException("database away"));
            }
            return Uni.createFrom().item(call <= 4 ? 1 : 0); // calls 2-4 find work, call 5 finds none
        }, Duration.ofHours(1), Duration.ofMillis(10), Logger.getLogger(PollingLoopTest.class));
        try {
            loop.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 5);
            Thread.sleep(300);
            assertThat(calls.get()).as("idle after a batch without work").isEqualTo(5);
        } finally {
            loop.stop();
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }
}
