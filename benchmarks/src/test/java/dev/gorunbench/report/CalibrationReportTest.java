package dev.gorunbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.results.ResultsFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The environment rows of the timing facts, the hyperfine section, and wall times from the helper. */
class CalibrationReportTest {
    private static final String RESULTS = """
            {"schemaVersion": 1, "profile": "default", "complete": true,
             "environment": {
               "timing": {"clock": "TIMING_HELPER", "helper": "timing-helper.c built static with /usr/bin/gcc",
                          "launchMechanism": "VFORK"},
               "execFloor": {"medianMs": 0.612, "ci95LowerMs": 0.6, "ci95UpperMs": 0.63, "samples": 50,
                             "clock": "TIMING_HELPER", "source": "ExecFloorBenchmark.execFloor of this run",
                             "program": "exec-floor.c built static with /usr/bin/gcc"}},
             "failures": [],
             "benchmarks": [
               {"benchmark": "dev.gorunbench.bench.ExecBinaryBenchmark.execBinary", "params": {"fixture": "hello"},
                "primaryMetric": {"scoreUnit": "ms/op", "rawData": [[3.0, 3.2, 3.1, 3.0, 3.3, 3.1]]},
                "secondaryMetrics": {
                  "wallMs": {"rawData": [[1.0, 1.2, 1.1, 1.0, 1.3, 1.1]]},
                  "cpuMs": {"rawData": [[0.5, 0.5, 0.5, 0.5, 0.5, 0.5]]},
                  "userMs": {"rawData": [[0.4, 0.4, 0.4, 0.4, 0.4, 0.4]]},
                  "sysMs": {"rawData": [[0.1, 0.1, 0.1, 0.1, 0.1, 0.1]]},
                  "maxRssMiB": {"rawData": [[3.5, 3.5, 3.5, 3.5, 3.5, 3.5]]},
                  "helperTimed": {"rawData": [[1, 1, 1, 1, 1, 1]]}}}],
             "hyperfineComparison": {
               "command": "benchmarks/compare-hyperfine.sh", "timeUtc": "2026-01-01T00:00:00Z", "rounds": 10,
               "machine": {"cpu": "Test CPU", "logicalCores": 2, "loadAverageBefore": "1.0", "loadAverageAfter": "1.1"},
               "go": "go version go1.26.8 linux/amd64", "hyperfine": "hyperfine 1.15.0", "jdk": "17",
               "launchMechanism": "VFORK",
               "commands": [{"name": "execFloor", "fixture": "", "target": 1.1, "hyperfineMedianMs": 0.5,
                 "harnessMedianMs": 0.6, "harnessRatio": 1.2, "withinTarget": false,
                 "harnessPumpThreadsMedianMs": 0.7, "harnessPumpThreadsRatio": 1.4,
                 "jvmClockMedianMs": 1.5, "jvmClockRatio": 3.0,
                 "samplesMs": {"hyperfine": [0.5, 0.5, 0.5]}}]}}
            """;

    @Test
    void environmentShowsTimingAndFloor() throws Exception {
        String page = MarkdownReport.render(results(), Path.of("results/run.json"));

        assertTrue(page.contains("| timing | native timing helper (posix_spawn to wait4)"), page);
        assertTrue(page.contains("JDK launch mechanism VFORK"), page);
        assertTrue(page.contains("| exec floor | 0.61 ms median (95% CI 0.60 to 0.63), 50 samples, timing helper"), page);
    }

    @Test
    void hyperfineSectionShowsRatios() throws Exception {
        String page = MarkdownReport.render(results(), Path.of("results/run.json"));

        assertTrue(page.contains("## Measurement accuracy: side by side with hyperfine"), page);
        assertTrue(page.contains("| execFloor | 0.50 ms | 0.60 ms | 1.20x (over) | 1.10x | 0.70 ms (1.40x) | 1.50 ms (3.00x) | 3 |"),
                page);
        assertTrue(page.contains("Reproduce: `benchmarks/compare-hyperfine.sh`"), page);
    }

    @Test
    void hyperfineSectionAbsentWithoutComparison() throws Exception {
        ObjectNode results = results();
        results.remove("hyperfineComparison");
        String page = MarkdownReport.render(results, Path.of("results/run.json"));
        assertFalse(page.contains("hyperfine"), page);
    }

    @Test
    void coreTableUsesHelperWallTime() throws Exception {
        List<BenchmarkRecord> records = List.of(BenchmarkRecord.of(results().path("benchmarks").get(0)));

        String table = CoreTable.render(records, List.of("hello"));

        assertTrue(table.contains("| hello | execBinary | 1.10 ms |"), table);
        assertTrue(table.contains("0.50 ms (0.40 + 0.10)"), table);
        assertTrue(table.contains("3.50 MiB"), table);
    }

    @Test
    void wallStatsFallBackToPrimary() throws Exception {
        ObjectNode record = (ObjectNode) results().path("benchmarks").get(0);
        ((ObjectNode) record.path("secondaryMetrics")).remove("wallMs");

        SampleStats stats = BenchmarkRecord.of(record).wallStats();

        assertEquals(3.1, stats.median(), 1e-9);
    }

    private static ObjectNode results() throws Exception {
        return (ObjectNode) ResultsFile.JSON.readTree(RESULTS);
    }
}
