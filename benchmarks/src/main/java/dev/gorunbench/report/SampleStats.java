package dev.gorunbench.report;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Median of a sample with a distribution-free 95% confidence interval: the interval between two order
 * statistics chosen from the binomial distribution B(n, 0.5), which needs no assumption of normality
 * (process timings are skewed). With fewer than 6 samples no such interval reaches 95% coverage, and
 * the interval is reported as missing.
 */
public record SampleStats(int count, double median, double lower, double upper, double min, double max) {
    private static final double CONFIDENCE = 0.95;

    public static SampleStats of(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        double median = percentile.evaluate(sorted, 50);
        int n = sorted.length;
        double lower = Double.NaN;
        double upper = Double.NaN;
        if (n >= 6) {
            BinomialDistribution binomial = new BinomialDistribution(null, n, 0.5);
            // The largest k with P(X < k) <= (1 - confidence) / 2; the interval is [x(k), x(n - k + 1)] (1-based).
            int k = 0;
            while (k + 1 <= n && binomial.cumulativeProbability(k) <= (1 - CONFIDENCE) / 2) {
                k++;
            }
            lower = sorted[Math.max(0, k - 1)];
            upper = sorted[Math.min(n - 1, n - k)];
        }
        return new SampleStats(n, median, lower, upper, sorted[0], sorted[n - 1]);
    }

    public boolean hasInterval() {
        return !Double.isNaN(lower);
    }

    /** Returns the half-width of the interval as a fraction of the median, or NaN without an interval. */
    public double relativeHalfWidth() {
        return hasInterval() ? (upper - lower) / 2 / median : Double.NaN;
    }
}
