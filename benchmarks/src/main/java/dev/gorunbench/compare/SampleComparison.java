package dev.gorunbench.compare;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * The statistics of one benchmark in two runs.
 *
 * <p>The unit of the statistics is the fork where both runs have enough forks, else the sample. Samples of
 * one JMH fork are not independent: they share the fork's JVM, work directory and caches, and the machine's
 * state during those seconds, so a test that counts each sample as independent finds "significant"
 * differences between two forks of the same configuration far more often than alpha (see
 * {@code docs/baselines-and-gate.md}). Each fork's median is one independent observation, so with enough
 * forks the test and the interval below run on the fork medians ({@link Basis#FORK_MEDIANS}); with fewer,
 * on the raw samples ({@link Basis#SAMPLES}), and the p-value is then smaller than it should be.
 *
 * <ul>
 *   <li>Significance: the two-sided Mann-Whitney U test of Commons Statistics (exact p-value for small
 *       samples without ties, otherwise the normal approximation with continuity correction). It makes no
 *       assumption of normality, which process timings (skewed, with outliers) do not meet.
 *   <li>Ratio new/base: the Hodges-Lehmann estimate on the log scale, that is the median of all m*n ratios
 *       new[i]/base[j], with the distribution-free confidence interval that goes with the U test (Moses):
 *       the k-th smallest and k-th largest of those ratios, k from the U statistic's distribution (see
 *       {@link #rankSumOrder}). The confidence level is at least 1 - alpha.
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
 * @param basis what the counts, the test and the ratio are on: fork medians or raw samples
 */
public record SampleComparison(int baseCount, int newCount, double baseMedian, double newMedian, double ratio,
        double ratioLower, double ratioUpper, double pValue, Basis basis) {

    /** The unit of observation of a comparison. */
    public enum Basis {
        /** Every raw sample counts as one observation. */
        SAMPLES("samples"),
        /** Each fork's median counts as one observation. */
        FORK_MEDIANS("fork medians"),
        /**
         * The forks of an interleaved run, paired by round: each round's ratio of the new fork's median to
         * the base fork's median counts as one observation.
         */
        PAIRED_FORKS("paired forks");

        private final String text;

        Basis(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * Compares two runs given fork by fork: on the fork medians when both have at least {@code minForks}
     * forks, else on all samples (at least {@code minSamples} per side). The medians reported are those of
     * all samples in either case.
     */
    public static SampleComparison ofForks(List<double[]> base, List<double[]> fresh, double alpha, int minSamples,
            int minForks) {
        double[] allBase = flatten(base);
        double[] allFresh = flatten(fresh);
        if (base.size() < minForks || fresh.size() < minForks) {
            return of(allBase, allFresh, alpha, minSamples);
        }
        SampleComparison byFork = of(forkMedians(base), forkMedians(fresh), alpha, minForks);
        return new SampleComparison(byFork.baseCount(), byFork.newCount(), median(allBase), median(allFresh),
                byFork.ratio(), byFork.ratioLower(), byFork.ratioUpper(), byFork.pValue(), Basis.FORK_MEDIANS);
    }

    /**
     * Compares the forks of an interleaved run round by round: fork i of {@code base} and fork i of
     * {@code fresh} ran one after the other, so machine drift that lasts longer than a fork affects both.
     * The test is the two-sided Wilcoxon signed-rank test on the log ratios of the fork medians. The ratio
     * is the Hodges-Lehmann estimate, the median of the Walsh averages of the log ratios, with its
     * distribution-free interval. With unequal fork counts, or fewer than {@code minPairs} pairs (see
     * {@link CompareSettings#minPairs()}), this falls back to {@link #ofForks}.
     */
    public static SampleComparison ofPairedForks(List<double[]> base, List<double[]> fresh, double alpha,
            int minSamples, int minForks, int minPairs) {
        if (base.size() != fresh.size() || base.size() < minPairs) {
            return ofForks(base, fresh, alpha, minSamples, minForks);
        }
        int n = base.size();
        double[] logRatios = new double[n];
        for (int i = 0; i < n; i++) {
            logRatios[i] = Math.log(median(fresh.get(i))) - Math.log(median(base.get(i)));
        }
        // The signed-rank test rejects differences that are all zero; such identical pairs show no change.
        double p = Arrays.stream(logRatios).allMatch(value -> value == 0) ? 1
                : WilcoxonSignedRankTest.withDefaults()
                        .with(AlternativeHypothesis.TWO_SIDED)
                        .test(logRatios)
                        .getPValue();
        double[] walsh = new double[n * (n + 1) / 2];
        int index = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                walsh[index++] = (logRatios[i] + logRatios[j]) / 2;
            }
        }
        Arrays.sort(walsh);
        int k = signedRankOrder(n, alpha);
        if (k < 1) {
            throw new IllegalArgumentException(n + " pairs are too few for an interval at level " + (1 - alpha)
                    + "; pass CompareSettings.minPairs() as minPairs.");
        }
        return new SampleComparison(n, n, median(flatten(base)), median(flatten(fresh)), Math.exp(median(walsh)),
                Math.exp(walsh[k - 1]), Math.exp(walsh[walsh.length - k]), p, Basis.PAIRED_FORKS);
    }

    /** The largest side for which the order of an interval comes from the exact null distribution. */
    private static final int EXACT_LIMIT = 50;

    /**
     * Returns k, the 1-based order of the Walsh averages that bound the 1 - alpha interval of the signed-rank
     * test on n pairs: one more than the largest c with P(T+ <= c) < alpha / 2. Up to 50 pairs T+ has its
     * exact distribution, as the test's exact p-value does, so the interval excludes no change exactly when
     * p < alpha; beyond, the normal approximation floor(n(n+1)/4 - z sqrt(n(n+1)(2n+1)/24)). Below 1 there
     * are too few pairs for an interval at that level.
     */
    static int signedRankOrder(int n, double alpha) {
        if (n > EXACT_LIMIT) {
            double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - alpha / 2);
            return (int) Math.floor(n * (n + 1) / 4.0 - z * Math.sqrt(n * (n + 1) * (2.0 * n + 1) / 24.0));
        }
        // counts[t]: subsets of the ranks 1..n whose sum is t, each equally likely under no change.
        double[] counts = new double[n * (n + 1) / 2 + 1];
        counts[0] = 1;
        for (int rank = 1; rank <= n; rank++) {
            for (int t = counts.length - 1; t >= rank; t--) {
                counts[t] += counts[t - rank];
            }
        }
        return orderFromCounts(counts, Math.pow(2, n), alpha);
    }

    /**
     * Returns k, the 1-based order of the pairwise ratios that bound the 1 - alpha interval of the U test on
     * m and n observations: one more than the largest c with P(U <= c) < alpha / 2, from U's exact
     * distribution up to 50 observations per side and else from the normal approximation
     * floor(mn/2 - z sqrt(mn(m+n+1)/12)). Below 1 there are too few observations for an interval at that level.
     */
    static int rankSumOrder(int m, int n, double alpha) {
        if (m > EXACT_LIMIT || n > EXACT_LIMIT) {
            double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - alpha / 2);
            double mn = (double) m * n;
            return (int) Math.floor(mn / 2.0 - z * Math.sqrt(mn * (m + n + 1) / 12.0));
        }
        // row[j][u]: orderings of i observations of one side and j of the other with U = u, for the current i.
        double[][] row = new double[n + 1][];
        for (int j = 0; j <= n; j++) {
            row[j] = new double[] {1};
        }
        for (int i = 1; i <= m; i++) {
            double[][] next = new double[n + 1][];
            next[0] = new double[] {1};
            for (int j = 1; j <= n; j++) {
                // The largest of the i + j values belongs to the first side (adding j to U) or to the second.
                double[] counts = new double[i * j + 1];
                for (int u = 0; u < row[j].length; u++) {
                    counts[u + j] += row[j][u];
                }
                for (int u = 0; u < next[j - 1].length; u++) {
                    counts[u] += next[j - 1][u];
                }
                next[j] = counts;
            }
            row = next;
        }
        double total = Arrays.stream(row[n]).sum();
        return orderFromCounts(row[n], total, alpha);
    }

    private static int orderFromCounts(double[] counts, double total, double alpha) {
        double cumulative = 0;
        int largest = -1;
        for (int value = 0; value < counts.length; value++) {
            cumulative += counts[value];
            if (cumulative / total >= alpha / 2) {
                break;
            }
            largest = value;
        }
        return largest + 1;
    }

    private static double[] forkMedians(List<double[]> forks) {
        return forks.stream().mapToDouble(SampleComparison::median).toArray();
    }

    private static double[] flatten(List<double[]> forks) {
        return forks.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    /**
     * Compares the samples; with fewer than {@code minSamples} on either side only the counts and medians
     * are filled in.
     */
    public static SampleComparison of(double[] base, double[] fresh, double alpha, int minSamples) {
        double baseMedian = median(base);
        double newMedian = median(fresh);
        if (base.length < minSamples || fresh.length < minSamples) {
            return new SampleComparison(base.length, fresh.length, baseMedian, newMedian, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Basis.SAMPLES);
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
        long mn = (long) m * n;
        // Below 1 the interval would be narrower than its stated level; the minimum counts prevent that.
        int k = Math.max(1, rankSumOrder(m, n, alpha));
        double lower = logRatios[k - 1];
        double upper = logRatios[(int) (mn - k)];
        return new SampleComparison(n, m, baseMedian, newMedian, Math.exp(estimate), Math.exp(lower),
                Math.exp(upper), p, Basis.SAMPLES);
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
