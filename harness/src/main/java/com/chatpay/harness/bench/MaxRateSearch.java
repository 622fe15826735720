package com.chatpay.harness.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The search of {@code --find-max}: the highest offered rate whose step passes (at most 1 % of payments over 1 s end
 * to end, no error). Doubles from the first rate while steps pass, then bisects between the last rate that passed
 * and the first that failed until the gap is below {@code resolution} (absolute) or 5 % of the passing rate. A
 * failing first rate is bisected down towards zero. Pure logic: the steps themselves are a {@link Trial}.
 */
public final class MaxRateSearch {

    /** One step of the search: offers {@code rate} payments a second and says whether the run kept its promise. */
    @FunctionalInterface
    public interface Trial<T> {
        Step<T> run(double rate);
    }

    /** What a step found; {@code detail} is whatever the trial measured (e.g. the load result). */
    public record Step<T>(double rate, boolean passed, T detail) {
    }

    /** The highest passing rate (0 when none passed) and every step in the order run. */
    public record Outcome<T>(double maxRate, List<Step<T>> steps) {
    }

    private final double firstRate;
    private final double upperBound;
    private final double resolution;
    private final int maxSteps;

    /**
     * @param firstRate  the first rate tried
     * @param upperBound the doubling never goes above this rate (it is tried as the last doubling)
     * @param resolution stop bisecting when the gap is below this many payments a second
     * @param maxSteps   stop after this many steps whatever the gap
     */
    public MaxRateSearch(double firstRate, double upperBound, double resolution, int maxSteps) {
        if (!(firstRate > 0) || upperBound < firstRate || !(resolution > 0) || maxSteps < 1) {
            throw new IllegalArgumentException("need 0 < firstRate <= upperBound, resolution > 0, maxSteps >= 1");
        }
        this.firstRate = firstRate;
        this.upperBound = upperBound;
        this.resolution = resolution;
        this.maxSteps = maxSteps;
    }

    public <T> Outcome<T> search(Trial<T> trial) {
        List<Step<T>> steps = new ArrayList<>();
        double passed = 0;
        double failed = Double.NaN;
        double rate = firstRate;
        // doubling
        while (steps.size() < maxSteps) {
            Step<T> step = trial.run(rate);
            steps.add(step);
            if (!step.passed()) {
                failed = rate;
                break;
            }
            passed = rate;
            if (rate >= upperBound) {
                return new Outcome<>(passed, steps);
            }
            rate = Math.min(upperBound, rate * 2);
        }
        // bisecting
        while (!Double.isNaN(failed) && steps.size() < maxSteps && failed - passed > gapTolerance(passed)) {
            double mid = roundRate((passed + failed) / 2);
            if (mid <= passed || mid >= failed) {
                break;
            }
            Step<T> step = trial.run(mid);
            steps.add(step);
            if (step.passed()) {
                passed = mid;
            } else {
                failed = mid;
            }
        }
        return new Outcome<>(passed, steps);
    }

    private double gapTolerance(double passed) {
        return Math.max(resolution, passed * 0.05);
    }

    /** Rates are tried in whole payments a second above 10/s, in tenths below. */
    static double roundRate(double rate) {
        return rate >= 10 ? Math.round(rate) : Math.round(rate * 10) / 10.0;
    }
}
