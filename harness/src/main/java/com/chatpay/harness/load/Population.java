package com.chatpay.harness.load;

import com.chatpay.harness.api.ChatpayApi;
import com.chatpay.harness.api.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Onboards many people through the real API, a few at a time. */
public final class Population {

    private Population() {
    }

    /**
     * Creates and onboards {@code count} people ({@code factory} makes the i-th), {@code concurrency} onboarding at
     * once; returns them in order once every one is ACTIVE.
     */
    public static List<Person> onboard(ChatpayApi api, int count, int concurrency, IntFunction<Person> factory) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "onboarding");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Person>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Person person = factory.apply(i);
                futures.add(pool.submit(() -> {
                    api.onboard(person);
                    return person;
                }));
            }
            List<Person> people = new ArrayList<>();
            for (Future<Person> f : futures) {
                people.add(f.get());
            }
            return people;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("onboarding failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    public static List<Person> onboard(ChatpayApi api, int count, int concurrency, String namePrefix) {
        return onboard(api, count, concurrency, i -> Person.create(namePrefix + i));
    }
}
