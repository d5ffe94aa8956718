package dev.gorunbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gorunbench.compare.Synthetic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calibration section rendered from a small calibration file. */
class CalibrationSectionTest {
    @TempDir
    Path temp;

    @Test
    void missingFileRendersNothing() {
        assertEquals("", new CalibrationSection().render(Synthetic.document("x"), List.of(), List.of(), temp));
    }

    @Test
    void ratesAreShown() throws Exception {
        Files.writeString(temp.resolve(CalibrationSection.FILE_NAME), """
                {"schemaVersion": 1, "command": "java -cp benchmarks/target/benchmarks.jar dev.gorunbench.Cli calibrate",
                 "benchmark": "GoBuildBenchmark.goBuildWarm", "fixture": "hello", "timeUtc": "2026-12-04T20:00:00Z",
                 "environment": {"cpu.model": "Test CPU", "cpu.logicalCores": "2", "go.version": "go1.26.8",
                                 "loadAverageBefore": "0.81 1.48 2.26 1/300 100", "loadAverageAfter": "1.10 1.20 1.90 2/310 900"},
                 "settings": {"alpha": 0.05, "minEffect": 0.1, "forksPerSide": 2},
                 "elapsedSeconds": 100, "pilotWarmBuildMedianMs": 200.0,
                 "runs": [{"condition": "A/A", "delayMs": 0}, {"condition": "slowdown 10%", "delayMs": 20}],
                 "rates": {"A/A": {"interleavedRuns": 20, "interleavedAlarms": 1, "sequentialRuns": 40, "sequentialAlarms": 2},
                           "slowdown 10%": {"interleavedRuns": 10, "interleavedAlarms": 9, "sequentialRuns": 10, "sequentialAlarms": 8}}}
                """);

        String page = new CalibrationSection().render(Synthetic.document("x"), List.of(), List.of(), temp);

        assertTrue(page.contains("| A/A | 0 ms | 1 of 20 (5%) | 2 of 40 (5%) | at most 5% |"), page);
        assertTrue(page.contains("| slowdown 10% | 20 ms | 9 of 10 (90%) | 8 of 10 (80%) | at least 90% |"), page);
        assertTrue(page.contains("before the calibration: 0.81 1.48 2.26 1/300 100; after: 1.10 1.20 1.90 2/310 900."), page);
        assertTrue(page.contains("Reproduce: `java -cp benchmarks/target/benchmarks.jar dev.gorunbench.Cli calibrate`"), page);
    }
}
