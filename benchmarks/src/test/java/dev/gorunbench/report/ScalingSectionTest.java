package dev.gorunbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.results.ResultsFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The least-squares fit of cost against size, on records with known numbers. */
class ScalingSectionTest {
    private static BenchmarkRecord record(int packages, double lines, double... samples) {
        return new BenchmarkRecord("ScaledProjectBenchmark", "goBuildColdProjectScaled",
                Map.of("packages", Integer.toString(packages)), "ms/op", samples,
                Map.of("goLines", new double[] {lines}, "goFiles", new double[] {packages * 2 + 1}));
    }

    @Test
    void exactLineFitsPerfectly() {
        List<BenchmarkRecord> group = List.of(record(10, 600, 300, 300), record(40, 2400, 600, 600),
                record(120, 7200, 1400, 1400));
        ScalingSection.Fit fit = ScalingSection.fit(group, r -> Double.parseDouble(r.param("packages")));
        assertEquals(10.0, fit.slope(), 1e-9);
        assertEquals(200.0, fit.intercept(), 1e-9);
        assertEquals(1.0, fit.rSquared(), 1e-9);
    }

    @Test
    void oneSizeIsNotFitted() {
        assertNull(ScalingSection.fit(List.of(record(10, 600, 1, 2)), r -> 10));
    }

    @Test
    void sectionShowsCostPerThousandLines() {
        List<BenchmarkRecord> records = List.of(record(10, 600, 300, 300), record(40, 2400, 600, 600),
                record(120, 7200, 1400, 1400));
        ObjectNode results = ResultsFile.JSON.createObjectNode();
        String page = new ScalingSection().render(results, records, List.of());
        assertTrue(page.contains("| goBuildColdProjectScaled | 10.0 ms | 167 ms | 200 ms | 1.000 | 1.000 | 3 |"), page);
        assertTrue(page.contains("| goBuildColdProjectScaled | 120 | 241 | 7,200 |"), page);
    }
}
