package dev.gorunbench.compare;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * The statistics of one benchmark in two runs, on the raw samples.
 *
 * <ul>
 *   <li>Significance: the two-sided Mann-Whitney U test of Commons Statistics (exact p-value for small
 *       samples without ties, otherwise the normal approximation with continuity correction). It makes no
 *       assumption of normality, which process timings (skewed, with outliers) do not meet.
 *   <li>Ratio new/base: the Hodges-Lehmann estimate on the log scale, that is the median of all m*n ratios
 *       new[i]/base[j], with the distribution-free confidence interval that goes with the U test (Moses):
 *       the k-th smallest and k-th largest of those ratios, k from the normal approximation of the U
 *       statistic's distribution. The confidence level is 1 - alpha.
 * </ul>
 *
 * @param baseCount samples of the base run
 * @param newCount samples of the new run
 * @param baseMedian median of the base samples
 * @param newMedian median of the new samples
 * @param ratio Hodges-Lehmann estimate of new/base; NaN with too few samples
 * @param ratioLower lower end of the ratio's confidence interval; NaN with too few samples
 * @param ratioUpper upper end of the ratio's confidence interval; NaN with too few samples
 * @param pValue two-sided p-value of the U test; NaN with too few samples
 */
public record SampleComparison(int baseCount, int newCount, double baseMedian, double newMedian, double ratio,
        double ratioLower, double ratioUpper, double pValue) {

    /**
     * Compares the samples; with fewer than {@code minSamples} on either side only the counts and medians
     * are filled in.
     */
    public static SampleComparison of(double[] base, double[] fresh, double alpha, int minSamples) {
        double baseMedian = median(base);
        double newMedian = median(fresh);
        if (base.length < minSamples || fresh.length < minSamples) {
            return new SampleComparison(base.length, fresh.length, baseMedian, newMedian, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN);
        }
        for (double value : concat(base, fresh)) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("sample " + value + " is not a positive time");
            }
        }
        double p = MannWhitneyUTest.withDefaults()
                .with(AlternativeHypothesis.TWO_SIDED)
                .test(fresh, base)
                .getPValue();

        int m = fresh.length;
        int n = base.length;
        double[] logRatios = new double[m * n];
        int index = 0;
        for (double x : fresh) {
            for (double y : base) {
                logRatios[index++] = Math.log(x) - Math.log(y);
            }
        }
        Arrays.sort(logRatios);
        double estimate = median(logRatios);
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - alpha / 2);
        long mn = (long) m * n;
        // k-th order statistic, 1-based: k = floor(mn/2 - z * sqrt(mn(m+n+1)/12)), at least 1.
        int k = (int) Math.max(1, Math.floor(mn / 2.0 - z * Math.sqrt(mn * (m + n + 1) / 12.0)));
        double lower = logRatios[k - 1];
        double upper = logRatios[(int) (mn - k)];
        return new SampleComparison(n, m, baseMedian, newMedian, Math.exp(estimate), Math.exp(lower),
                Math.exp(upper), p);
    }

    public boolean hasEnoughSamples() {
        return !Double.isNaN(pValue);
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(sorted, 50);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
