package dev.gorunbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The statistics wiring on known samples. */
class SampleComparisonTest {
    private static final double ALPHA = 0.05;

    @Test
    void shiftedSamplesRegress() {
        double[] base = Synthetic.samples(20, 100, 1);
        double[] fresh = Synthetic.scaled(Synthetic.samples(20, 100, 2), 1.3);

        SampleComparison stats = SampleComparison.of(base, fresh, ALPHA, 6);

        assertTrue(stats.pValue() < 0.001, "p " + stats.pValue());
        assertTrue(stats.ratio() > 1.2, "ratio " + stats.ratio());
        assertTrue(stats.ratio() < 1.4, "ratio " + stats.ratio());
        assertTrue(stats.ratioLower() > 1.0, "lower " + stats.ratioLower());
        assertTrue(stats.ratioUpper() > stats.ratio(), "upper " + stats.ratioUpper());
        assertEquals(Comparison.Verdict.REGRESSION, Comparison.verdict(stats, 0.10, ALPHA));
    }

    @Test
    void identicalSamplesDoNotRegress() {
        double[] base = Synthetic.samples(20, 100, 3);

        SampleComparison stats = SampleComparison.of(base, base.clone(), ALPHA, 6);

        assertTrue(stats.pValue() > 0.9, "p " + stats.pValue());
        assertEquals(1.0, stats.ratio(), 1e-9);
        assertTrue(stats.ratioLower() < 1, "lower " + stats.ratioLower());
        assertTrue(stats.ratioUpper() > 1, "upper " + stats.ratioUpper());
        assertEquals(Comparison.Verdict.NO_CHANGE, Comparison.verdict(stats, 0.10, ALPHA));
    }

    @Test
    void fasterSamplesImprove() {
        double[] base = Synthetic.samples(20, 100, 4);
        double[] fresh = Synthetic.scaled(Synthetic.samples(20, 100, 5), 0.7);

        SampleComparison stats = SampleComparison.of(base, fresh, ALPHA, 6);

        assertEquals(Comparison.Verdict.IMPROVEMENT, Comparison.verdict(stats, 0.10, ALPHA));
    }

    @Test
    void smallShiftIsBelowMinimumEffect() {
        double[] base = Synthetic.samples(200, 100, 6);
        double[] fresh = Synthetic.scaled(Synthetic.samples(200, 100, 7), 1.03);

        SampleComparison stats = SampleComparison.of(base, fresh, ALPHA, 6);

        assertTrue(stats.pValue() < ALPHA, "p " + stats.pValue());
        assertTrue(stats.ratioUpper() < 1.10, "upper " + stats.ratioUpper());
        assertEquals(Comparison.Verdict.BELOW_MIN_EFFECT, Comparison.verdict(stats, 0.10, ALPHA));
    }

    @Test
    void tooFewSamplesAreNotAPass() {
        double[] base = Synthetic.samples(3, 100, 8);
        double[] fresh = Synthetic.scaled(Synthetic.samples(20, 100, 9), 2.0);

        SampleComparison stats = SampleComparison.of(base, fresh, ALPHA, 6);

        assertFalse(stats.hasEnoughSamples());
        assertEquals(3, stats.baseCount());
        assertEquals(20, stats.newCount());
        assertEquals(Comparison.Verdict.NOT_ENOUGH_SAMPLES, Comparison.verdict(stats, 0.10, ALPHA));
    }

    @Test
    void tooFewSamplesMakeComparisonInconclusive() {
        ObjectNode base = Synthetic.add(Synthetic.document("default"), "GoRunBenchmark", "goRunWarm", "hello",
                Synthetic.samples(2, 100, 10));
        ObjectNode fresh = Synthetic.add(Synthetic.document("default"), "GoRunBenchmark", "goRunWarm", "hello",
                Synthetic.samples(2, 100, 11));

        Comparison comparison = Comparison.of(base, fresh, CompareSettings.defaults());

        assertEquals(Comparison.Status.INCONCLUSIVE, comparison.status());
        assertEquals("not enough samples (2 and 2, needed 6)",
                comparison.rows().get(0).verdictText(comparison.settings().minSamples()));
    }

    @Test
    void geometricMeanOfRatios() {
        ObjectNode base = Synthetic.document("default");
        ObjectNode fresh = Synthetic.document("default");
        double[] a = Synthetic.samples(20, 100, 12);
        double[] b = Synthetic.samples(20, 50, 13);
        Synthetic.add(base, "GoRunBenchmark", "goRunWarm", "hello", a);
        Synthetic.add(base, "GoBuildBenchmark", "goBuildWarm", "hello", b);
        Synthetic.add(fresh, "GoRunBenchmark", "goRunWarm", "hello", Synthetic.scaled(a, 2.0));
        Synthetic.add(fresh, "GoBuildBenchmark", "goBuildWarm", "hello", Synthetic.scaled(b, 0.5));

        Comparison comparison = Comparison.of(base, fresh, CompareSettings.defaults());

        assertEquals(1.0, comparison.geometricMeanRatio().orElseThrow(), 1e-9);
        assertEquals(1, comparison.regressions().size());
        assertEquals(Comparison.Status.REGRESSION, comparison.status());
    }

    @Test
    void minimumEffectPerBenchmark() {
        double[] base = Synthetic.samples(20, 100, 14);
        ObjectNode old = Synthetic.add(Synthetic.document("default"), "GoRunBenchmark", "goRunCold", "hello", base);
        ObjectNode fresh = Synthetic.add(Synthetic.document("default"), "GoRunBenchmark", "goRunCold", "hello",
                Synthetic.scaled(base, 1.25));
        CompareSettings lenient = new CompareSettings(ALPHA, 0.10, Map.of(Pattern.compile("goRunCold"), 0.5), Set.of());

        Comparison comparison = Comparison.of(old, fresh, lenient);

        assertEquals(0.5, comparison.rows().get(0).minEffect());
        assertEquals(Comparison.Verdict.BELOW_MIN_EFFECT, comparison.rows().get(0).verdict());
    }

    @Test
    void minSamplesGrowWithSmallerAlpha() {
        assertEquals(6, CompareSettings.defaults().minSamples());
        assertTrue(new CompareSettings(0.0001, 0.1, Map.of(), Set.of()).minSamples() > 6);
    }
}
