package dev.gorunbench.accuracy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gorunbench.results.ResultsFile;
import org.junit.jupiter.api.Test;

/** The console table of a comparison: figures that were not measured are marked, never printed as zero. */
class HyperfineTableTest {
    @Test
    void unmeasuredPumpThreadsAreMarked() throws Exception {
        var document = ResultsFile.JSON.readTree("""
                {"commands": [
                  {"name": "execFloor", "fixture": "", "target": 1.1, "hyperfineMedianMs": 0.5, "harnessMedianMs": 0.55,
                   "harnessRatio": 1.1, "harnessPumpThreadsMedianMs": 0.6, "harnessPumpThreadsRatio": 1.2,
                   "jvmClockMedianMs": 1.0, "jvmClockRatio": 2.0},
                  {"name": "goRunWarm", "fixture": "hello", "target": 1.05, "hyperfineMedianMs": 60, "harnessMedianMs": 61,
                   "harnessRatio": 1.0167, "jvmClockMedianMs": 63, "jvmClockRatio": 1.05}]}
                """);

        String table = HyperfineComparison.table(document);

        assertTrue(table.contains("0.600 ms   1.200x"), table);
        String goRun = table.lines().filter(line -> line.startsWith("goRunWarm hello")).findFirst().orElseThrow();
        assertTrue(goRun.contains("not run"), goRun);
        assertTrue(!goRun.contains(" 0.000 ms"), goRun);
    }
}
