package dev.gorunbench.compare;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Settings of a comparison of two runs.
 *
 * @param alpha the significance level of the Mann-Whitney U test; the ratio's confidence level is 1 - alpha
 * @param minEffect the smallest slowdown that counts as a regression, as a fraction (0.10 is 10%)
 * @param minEffectByBenchmark per-benchmark minimum effects: a regular expression found in the benchmark's
 *     name (such as {@code goRunCold}) to a fraction; the first match wins, others use {@code minEffect}
 * @param ignoredParams parameters left out when records of the two runs are paired, for a comparison of two
 *     values of that parameter
 */
public record CompareSettings(double alpha, double minEffect, Map<Pattern, Double> minEffectByBenchmark,
        Set<String> ignoredParams) {

    public static final double DEFAULT_ALPHA = 0.05;
    public static final double DEFAULT_MIN_EFFECT = 0.10;
    /** The smallest significance level accepted. */
    public static final double MIN_ALPHA = 1e-6;

    public CompareSettings {
        // At 1e-6 the paired test already needs 21 pairs of forks. Below about 1e-16 the normal quantile is
        // infinite, and no sample count would be enough.
        if (!(alpha >= MIN_ALPHA && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha " + alpha + " is out of range: use a value from " + MIN_ALPHA
                    + " to below 0.5, such as 0.05.");
        }
        for (String param : ignoredParams) {
            if (param.isBlank()) {
                throw new IllegalArgumentException("--ignore-param needs a parameter name, such as --ignore-param=fixture.");
            }
        }
        checkEffect("minimum effect", minEffect);
        minEffectByBenchmark.values().forEach(value -> checkEffect("minimum effect", value));
        minEffectByBenchmark = new LinkedHashMap<>(minEffectByBenchmark);
        ignoredParams = Set.copyOf(ignoredParams);
    }

    public static CompareSettings defaults() {
        return new CompareSettings(DEFAULT_ALPHA, DEFAULT_MIN_EFFECT, Map.of(), Set.of());
    }

    /** Returns the minimum effect of the benchmark named {@code benchmark}. */
    public double minEffectFor(String benchmark) {
        for (Map.Entry<Pattern, Double> entry : minEffectByBenchmark.entrySet()) {
            if (entry.getKey().matcher(benchmark).find()) {
                return entry.getValue();
            }
        }
        return minEffect;
    }

    /**
     * Parses {@code REGEX=FRACTION} pairs, such as {@code goRunCold=0.2}, into per-benchmark minimum effects.
     */
    public static Map<Pattern, Double> parseMinEffects(Iterable<String> specs) {
        Map<Pattern, Double> parsed = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Invalid minimum effect \"" + spec + "\": write BENCHMARK_REGEX="
                        + "FRACTION, for example goRunCold=0.2.");
            }
            try {
                parsed.put(Pattern.compile(spec.substring(0, eq)), Double.parseDouble(spec.substring(eq + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid minimum effect \"" + spec + "\": "
                        + spec.substring(eq + 1) + " is not a number; write a fraction such as 0.2.");
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("Invalid minimum effect \"" + spec + "\": "
                        + spec.substring(0, eq) + " is not a valid regular expression (" + e.getDescription()
                        + "); escape special characters such as ( with a backslash.");
            }
        }
        return parsed;
    }

    /**
     * Returns the fewest samples per side for the comparison: 6, or more where alpha is so small that the U
     * test on two samples of 6 could never reach it.
     */
    public int minSamples() {
        return smallestTestable(6);
    }

    /**
     * Returns the fewest forks per side for a comparison on fork medians: 4, or more where alpha is so small
     * that the U test on 4 and 4 could never reach it. With fewer forks the comparison uses the samples.
     */
    public int minForks() {
        return smallestTestable(4);
    }

    /**
     * Returns the fewest pairs of forks for the paired comparison of an interleaved run: 6 at alpha 0.05.
     * The signed-rank test on n pairs cannot give a two-sided p-value below 2 / 2^n (0.125 with 4 pairs,
     * 0.0625 with 5), and the interval of the ratio needs at least one Walsh average outside it on each
     * side. With fewer pairs the forks are compared unpaired.
     */
    public int minPairs() {
        int n = 1;
        while (2 / Math.pow(2, n) >= alpha || SampleComparison.signedRankOrder(n, alpha) < 1) {
            n++;
        }
        return n;
    }

    /**
     * Returns the smallest n from {@code from} for which the U test on n and n can reach alpha (its smallest
     * two-sided p-value is 2 / C(2n, n)) and the interval of the ratio leaves at least one pairwise ratio out
     * on each side.
     */
    private int smallestTestable(int from) {
        int n = from;
        while (2 / binomial(2 * n, n) >= alpha || SampleComparison.rankSumOrder(n, n, alpha) < 1) {
            n++;
        }
        return n;
    }


    private static double binomial(int n, int k) {
        double value = 1;
        for (int i = 1; i <= k; i++) {
            value = value * (n - k + i) / i;
        }
        return value;
    }

    private static void checkEffect(String name, double value) {
        if (!(value >= 0 && value < 10)) {
            throw new IllegalArgumentException(name + " " + value + " is out of range: use a fraction such as 0.10"
                    + " for 10%.");
        }
    }
}
