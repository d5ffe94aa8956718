package dev.gorunbench.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.compare.Synthetic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which hyperfine comparison the report shows: the file beside the results, else the copy inside them. */
class HyperfineSectionTest {
    @TempDir
    Path temp;

    private static String comparison(String time) {
        return """
                {"command": "benchmarks/compare-hyperfine.sh", "timeUtc": "%s", "rounds": 10,
                 "machine": {"cpu": "Test CPU", "logicalCores": 2}, "hyperfine": "hyperfine 1.15.0",
                 "commands": [{"name": "execFloor", "fixture": "", "target": 1.1, "hyperfineMedianMs": 0.5,
                   "harnessMedianMs": 0.52, "harnessRatio": 1.04, "withinTarget": true,
                   "jvmClockMedianMs": 1.5, "jvmClockRatio": 3.0, "samplesMs": {"hyperfine": [0.5, 0.5]}}]}
                """.formatted(time);
    }

    @Test
    void fileBesideTheResultsWins() throws Exception {
        ObjectNode results = Synthetic.document("x");
        results.set("hyperfineComparison", dev.gorunbench.results.ResultsFile.JSON.readTree(comparison("2026-01-01T00:00:00Z")));
        Files.writeString(temp.resolve(HyperfineSection.FILE_NAME), comparison("2026-12-04T22:00:00Z"));

        String page = new HyperfineSection().render(results, List.of(), List.of(), temp);

        assertTrue(page.contains("2026-12-04T22:00:00Z"), page);
        assertTrue(!page.contains("2026-01-01T00:00:00Z"), page);
    }

    @Test
    void copyInsideTheResultsWithoutAFile() throws Exception {
        ObjectNode results = Synthetic.document("x");
        results.set("hyperfineComparison", dev.gorunbench.results.ResultsFile.JSON.readTree(comparison("2026-01-01T00:00:00Z")));

        String page = new HyperfineSection().render(results, List.of(), List.of(), temp);

        assertTrue(page.contains("2026-01-01T00:00:00Z"), page);
    }
}
