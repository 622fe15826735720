package com.chatpay.common.testing;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A minimal property checker shared by every module's {@code *PropertiesTest} (published in common's test jar):
 * draws inputs from a seeded generator, and a failure names the seed, the try and the input, so that
 * {@code -Dchatpay.properties.seed=<seed>} replays it exactly.
 */
public final class Properties {

    /** The run's base seed: a failure names it; replay with {@code -Dchatpay.properties.seed=<seed>}. */
    public static final long SEED = Long.getLong("chatpay.properties.seed", System.nanoTime());

    private Properties() {
    }

    /**
     * Checks {@code property} on {@code tries} inputs drawn from {@code generator}. A failure names the seed, the try
     * and the input as {@code describe} shows it (never a secret: describe a card number by its shape).
     */
    public static <T> void forAll(int tries, Function<SplittableRandom, T> generator, Function<T, String> describe,
            Consumer<T> property) {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 1; i <= tries; i++) {
            T input = generator.apply(random);
            try {
                property.accept(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("falsified at try " + i + " of " + tries + " (seed " + SEED + ") by "
                        + describe.apply(input), e);
            }
        }
    }
}
