package dev.gorunbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Comparisons of runs with several forks: on fork medians where both runs have enough forks, so that forks
 * of one configuration that differ as a whole (a machine that drifts) are not taken for a regression.
 */
class ForkComparisonTest {
    private static final double ALPHA = 0.05;
    private static final int MIN_SAMPLES = 6;
    private static final int MIN_FORKS = 4;
    private static final int MIN_PAIRS = 6;

    @Test
    void driftingForksNoRegression() {
        List<double[]> base = Synthetic.forks(6, 20, 100, 0.08, 11);
        List<double[]> fresh = Synthetic.forks(6, 20, 100, 0.08, 12);

        SampleComparison byFork = SampleComparison.ofForks(base, fresh, ALPHA, MIN_SAMPLES, MIN_FORKS);

        assertEquals(SampleComparison.Basis.FORK_MEDIANS, byFork.basis());
        assertEquals(6, byFork.baseCount());
        assertEquals(6, byFork.newCount());
        assertTrue(byFork.pValue() > ALPHA, "p on fork medians " + byFork.pValue());
    }

    @Test
    void oneForkPerSideOverstatesSignificance() {
        // The weakness fork medians avoid: two forks of one configuration, 6% apart as a whole, compared
        // sample by sample.
        double[] base = Synthetic.samples(20, 100, 21);
        double[] fresh = Synthetic.samples(20, 106, 22);

        SampleComparison bySample = SampleComparison.ofForks(List.of(base), List.of(fresh), ALPHA, MIN_SAMPLES,
                MIN_FORKS);

        assertEquals(SampleComparison.Basis.SAMPLES, bySample.basis());
        assertEquals(20, bySample.baseCount());
        assertTrue(bySample.pValue() < ALPHA, "p on samples " + bySample.pValue());
    }

    @Test
    void shiftedForksRegressOnForkMedians() {
        List<double[]> base = Synthetic.forks(6, 5, 100, 0.02, 31);
        List<double[]> fresh = scaled(Synthetic.forks(6, 5, 100, 0.02, 32), 1.25);

        SampleComparison stats = SampleComparison.ofForks(base, fresh, ALPHA, MIN_SAMPLES, MIN_FORKS);

        assertEquals(SampleComparison.Basis.FORK_MEDIANS, stats.basis());
        assertTrue(stats.pValue() < 0.01, "p " + stats.pValue());
        assertTrue(stats.ratio() > 1.15, "ratio " + stats.ratio());
        assertTrue(stats.ratio() < 1.35, "ratio " + stats.ratio());
        assertEquals(Comparison.Verdict.REGRESSION, Comparison.verdict(stats, 0.10, ALPHA));
    }

    @Test
    void identicalPairedForksShowNoChange() {
        List<double[]> forks = Synthetic.forks(6, 5, 100, 0.05, 51);

        SampleComparison stats = SampleComparison.ofPairedForks(forks, forks, ALPHA, MIN_SAMPLES, MIN_FORKS, MIN_PAIRS);

        assertEquals(SampleComparison.Basis.PAIRED_FORKS, stats.basis());
        assertEquals(1.0, stats.pValue(), 1e-12);
        assertEquals(1.0, stats.ratio(), 1e-12);
        assertEquals(Comparison.Verdict.NO_CHANGE, Comparison.verdict(stats, 0.10, ALPHA));
    }

    @Test
    void shiftedPairedForksRegress() {
        List<double[]> base = Synthetic.forks(8, 5, 100, 0.08, 61);
        List<double[]> fresh = scaled(base, 1.12);

        SampleComparison stats = SampleComparison.ofPairedForks(base, fresh, ALPHA, MIN_SAMPLES, MIN_FORKS, MIN_PAIRS);

        assertEquals(SampleComparison.Basis.PAIRED_FORKS, stats.basis());
        assertEquals(1.12, stats.ratio(), 1e-9);
        assertTrue(stats.pValue() < 0.01, "p " + stats.pValue());
    }

    @Test
    void mediansAreOfAllSamples() {
        List<double[]> base = List.of(new double[] {1, 2, 3}, new double[] {4, 5, 6}, new double[] {7, 8, 9},
                new double[] {10, 11, 12});

        SampleComparison stats = SampleComparison.ofForks(base, base, ALPHA, MIN_SAMPLES, MIN_FORKS);

        assertEquals(6.5, stats.baseMedian(), 1e-9);
        assertEquals(4, stats.baseCount());
    }

    @Test
    void fewPairsFallBackToUnpairedForks() {
        // Five pairs cannot reach p < 0.05 in the signed-rank test (its smallest p is 2 / 2^5), so even a
        // threefold slowdown would pass as "no change" if they were compared in pairs.
        List<double[]> base = Synthetic.forks(5, 3, 100, 0.05, 71);
        List<double[]> fresh = scaled(base, 3);

        SampleComparison stats = SampleComparison.ofPairedForks(base, fresh, ALPHA, MIN_SAMPLES, MIN_FORKS, MIN_PAIRS);

        assertEquals(SampleComparison.Basis.FORK_MEDIANS, stats.basis());
        assertTrue(stats.pValue() < ALPHA, "p " + stats.pValue());
        assertEquals(Comparison.Verdict.REGRESSION, Comparison.verdict(stats, 0.10, ALPHA));
    }

    @Test
    void pairedIntervalAgreesWithTest() {
        // Six pairs, all slower: p = 2 / 2^6, below alpha, so the interval at 1 - alpha must exclude 1.
        List<double[]> base = Synthetic.forks(6, 3, 100, 0.05, 81);
        // Distinct ratios, so the test computes the exact p-value (ties switch it to the normal approximation).
        List<double[]> fresh = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            fresh.add(Synthetic.scaled(base.get(i), 1.5 + 0.01 * i));
        }

        SampleComparison stats = SampleComparison.ofPairedForks(base, fresh, ALPHA, MIN_SAMPLES, MIN_FORKS, MIN_PAIRS);

        assertEquals(SampleComparison.Basis.PAIRED_FORKS, stats.basis());
        assertEquals(2 / 64.0, stats.pValue(), 1e-9);
        assertTrue(stats.ratioLower() > 1, "lower end " + stats.ratioLower());
    }

    @Test
    void tooFewPairsForIntervalRejected() {
        List<double[]> forks = Synthetic.forks(4, 3, 100, 0.05, 91);

        assertThrows(IllegalArgumentException.class,
                () -> SampleComparison.ofPairedForks(forks, forks, ALPHA, MIN_SAMPLES, MIN_FORKS, 4));
    }

    @Test
    void minForksGrowWithSmallerAlpha() {
        assertEquals(4, CompareSettings.defaults().minForks());
        assertEquals(5, new CompareSettings(0.01, 0.1, Map.of(), Set.of()).minForks());
        assertEquals(6, new CompareSettings(0.01, 0.1, Map.of(), Set.of()).minSamples());
    }

    @Test
    void tinyAlphaRejected() {
        // Below about 1e-16 the normal quantile is infinite and no sample count would ever be enough.
        assertThrows(IllegalArgumentException.class, () -> new CompareSettings(1e-16, 0.1, Map.of(), Set.of()));
        assertEquals(21, new CompareSettings(CompareSettings.MIN_ALPHA, 0.1, Map.of(), Set.of()).minPairs());
    }

    @Test
    void minPairsGrowWithSmallerAlpha() {
        assertEquals(6, CompareSettings.defaults().minPairs());
        assertEquals(8, new CompareSettings(0.01, 0.1, Map.of(), Set.of()).minPairs());
    }

    @Test
    void comparisonOfDocumentsUsesForks() {
        ObjectNode base = Synthetic.addForks(Synthetic.document("a"), "GoBuildBenchmark", "goBuildWarm", "hello",
                Synthetic.forks(5, 5, 100, 0.02, 41));
        ObjectNode fresh = Synthetic.addForks(Synthetic.document("a"), "GoBuildBenchmark", "goBuildWarm", "hello",
                scaled(Synthetic.forks(5, 5, 100, 0.02, 42), 1.3));

        Comparison comparison = Comparison.of(base, fresh, CompareSettings.defaults());

        Comparison.Row row = comparison.rows().get(0);
        assertEquals(SampleComparison.Basis.FORK_MEDIANS, row.stats().basis());
        assertEquals(Comparison.Verdict.REGRESSION, row.verdict());
        String table = ComparisonMarkdown.render(comparison, "a", "b");
        assertTrue(table.contains("| 5 + 5 fork medians |"), table);
        assertEquals("fork-medians",
                ComparisonMarkdown.summary(comparison, "a", "b").path("rows").get(0).path("basis").asText());
    }

    @Test
    void intervalOrdersMatchTables() {
        // Critical values of the exact distributions at two-sided 0.05, plus one.
        assertEquals(1, SampleComparison.rankSumOrder(4, 4, ALPHA));
        assertEquals(6, SampleComparison.rankSumOrder(6, 6, ALPHA));
        assertEquals(0, SampleComparison.signedRankOrder(5, ALPHA));
        assertEquals(1, SampleComparison.signedRankOrder(6, ALPHA));
        assertEquals(3, SampleComparison.signedRankOrder(7, ALPHA));
    }

    @Test
    void intervalExcludesOneExactlyWhenSignificant() {
        java.util.Random random = new java.util.Random(5);
        for (int trial = 0; trial < 300; trial++) {
            int n = 6 + random.nextInt(10);
            double shift = 1 + random.nextDouble() * 0.3;
            List<double[]> base = new ArrayList<>();
            List<double[]> fresh = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                base.add(new double[] {100 * (1 + 0.1 * random.nextGaussian())});
                fresh.add(new double[] {100 * shift * (1 + 0.1 * random.nextGaussian())});
            }

            SampleComparison paired = SampleComparison.ofPairedForks(base, fresh, ALPHA, 1, 1, MIN_PAIRS);
            SampleComparison unpaired = SampleComparison.ofForks(base, fresh, ALPHA, 1, 1);

            for (SampleComparison stats : List.of(paired, unpaired)) {
                boolean excludesOne = stats.ratioLower() > 1 || stats.ratioUpper() < 1;
                assertEquals(stats.pValue() < ALPHA, excludesOne, stats.basis() + " n " + n + ": p " + stats.pValue()
                        + ", interval " + stats.ratioLower() + " to " + stats.ratioUpper());
            }
        }
    }

    private static List<double[]> scaled(List<double[]> forks, double factor) {
        List<double[]> result = new ArrayList<>();
        forks.forEach(fork -> result.add(Synthetic.scaled(fork, factor)));
        return result;
    }
}
