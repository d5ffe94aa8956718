package dev.gorunbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        List<double[]> forks = Synthetic.forks(5, 5, 100, 0.05, 51);

        SampleComparison stats = SampleComparison.ofPairedForks(forks, forks, ALPHA, MIN_SAMPLES, MIN_FORKS);

        assertEquals(SampleComparison.Basis.PAIRED_FORKS, stats.basis());
        assertEquals(1.0, stats.pValue(), 1e-12);
        assertEquals(1.0, stats.ratio(), 1e-12);
        assertEquals(Comparison.Verdict.NO_CHANGE, Comparison.verdict(stats, 0.10, ALPHA));
    }

    @Test
    void shiftedPairedForksRegress() {
        List<double[]> base = Synthetic.forks(8, 5, 100, 0.08, 61);
        List<double[]> fresh = scaled(base, 1.12);

        SampleComparison stats = SampleComparison.ofPairedForks(base, fresh, ALPHA, MIN_SAMPLES, MIN_FORKS);

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
    void minForksGrowWithSmallerAlpha() {
        assertEquals(4, CompareSettings.defaults().minForks());
        assertEquals(5, new CompareSettings(0.01, 0.1, Map.of(), Set.of()).minForks());
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

    private static List<double[]> scaled(List<double[]> forks, double factor) {
        List<double[]> result = new ArrayList<>();
        forks.forEach(fork -> result.add(Synthetic.scaled(fork, factor)));
        return result;
    }
}
