package com.chatpay.reliability.abuse;

import com.chatpay.harness.api.ChatpayApi.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Fires attempts at the same instant from as many threads, released together by a latch, so that they reach the
 * service while the others are in flight: what a brute-force script or a double-tapping client does.
 */
final class AtOnce {

    private AtOnce() {
    }

    /** Runs {@code attempt(0..n-1)} from {@code n} threads released at once; the replies in attempt order. */
    static List<Reply> run(int n, IntFunction<Reply> attempt) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return attempt.apply(index);
                }));
            }
            ready.await();
            go.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> f : futures) {
                replies.add(f.get());
            }
            return replies;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("an attempt failed to get an answer: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many replies have this status and problem {@code code} (null: any code). */
    static long count(List<Reply> replies, int status, String code) {
        return replies.stream().filter(r -> r.status() == status && (code == null || code.equals(r.field("code"))))
                .count();
    }
}
