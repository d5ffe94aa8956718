package dev.gorunbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.compare.CompareSettings;
import dev.gorunbench.compare.Synthetic;
import dev.gorunbench.results.ResultsFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verdicts and rates recomputed from the raw forks of a stored calibration. */
class CalibrationReanalysisTest {
    @Test
    void ratesFollowTheForks() {
        ObjectNode calibration = ResultsFile.JSON.createObjectNode();
        ArrayNode runs = calibration.putArray("runs");
        for (int round = 0; round < 3; round++) {
            addRun(runs, "A/A", 1.0, round);
            addRun(runs, "slowdown 10%", 1.3, round);
        }
        Calibration calibrate = new Calibration(options(), CompareSettings.defaults(),
                new PrintStream(new ByteArrayOutputStream()));

        ObjectNode document = calibrate.reanalyze(calibration, "test");

        JsonNode rates = document.path("rates");
        assertEquals(3, rates.path("A/A").path("interleavedRuns").asInt());
        assertEquals(0, rates.path("A/A").path("interleavedAlarms").asInt());
        assertEquals(3, rates.path("slowdown 10%").path("interleavedAlarms").asInt());
        assertEquals(3, rates.path("slowdown 10%").path("sequentialAlarms").asInt());
        JsonNode first = document.path("runs").get(1).path("interleaved");
        assertEquals("paired-forks", first.path("basis").asText());
        assertTrue(first.path("ratio").asDouble() > 1.2, first.toString());
        assertEquals("test", document.path("reanalysis").path("command").asText());
    }

    private static void addRun(ArrayNode runs, String condition, double factor, int round) {
        ObjectNode run = runs.addObject();
        run.put("condition", condition);
        run.set("a", forks(Synthetic.forks(6, 5, 100, 0.02, 100 + round), 1.0));
        run.set("b", forks(Synthetic.forks(6, 5, 100, 0.02, 200 + round), factor));
    }

    private static ArrayNode forks(List<double[]> forks, double factor) {
        ArrayNode node = ResultsFile.JSON.createArrayNode();
        for (double[] fork : forks) {
            ArrayNode row = node.addArray();
            for (double value : fork) {
                row.add(value * factor);
            }
        }
        return node;
    }

    private static SuiteOptions options() {
        return new SuiteOptions(Profile.DEFAULT, "goBuildWarm", "", false, List.of(), Duration.ofSeconds(60),
                Path.of("."), Path.of(System.getProperty("java.io.tmpdir")), false, "default");
    }
}
