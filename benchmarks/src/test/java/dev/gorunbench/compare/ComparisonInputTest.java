package dev.gorunbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pairs of results files that cannot be compared record by record, rejected with a message that names the reason. */
class ComparisonInputTest {
    private static final CompareSettings IGNORE_FIXTURE = new CompareSettings(0.05, 0.10, Map.of(), Set.of("fixture"));

    @Test
    void ignoredParamThatVariesWithinFileRejected() {
        ObjectNode base = twoFixtures(1.0);
        ObjectNode fresh = twoFixtures(1.3);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Comparison.of(base, fresh, IGNORE_FIXTURE));

        assertTrue(error.getMessage().contains("appears twice"), error.getMessage());
        assertTrue(error.getMessage().contains("[fixture]"), error.getMessage());
    }

    @Test
    void duplicateRecordRejected() {
        ObjectNode base = Synthetic.document("a");
        Synthetic.add(base, "GoBuildBenchmark", "goBuildWarm", "hello", Synthetic.samples(10, 100, 1));
        Synthetic.add(base, "GoBuildBenchmark", "goBuildWarm", "hello", Synthetic.samples(10, 100, 2));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Comparison.of(base, base, CompareSettings.defaults()));

        assertTrue(error.getMessage().contains("GoBuildBenchmark.goBuildWarm"), error.getMessage());
    }

    @Test
    void ignoredParamAcrossFilesCompared() {
        ObjectNode base = Synthetic.document("a");
        Synthetic.add(base, "GoBuildBenchmark", "goBuildWarm", "hello", Synthetic.samples(10, 100, 1));
        ObjectNode fresh = Synthetic.document("a");
        Synthetic.add(fresh, "GoBuildBenchmark", "goBuildWarm", "cgo", Synthetic.samples(10, 100, 2));

        Comparison comparison = Comparison.of(base, fresh, IGNORE_FIXTURE);

        assertEquals(1, comparison.paired().size());
    }

    @Test
    void helperAgainstJmhScoreRejected() {
        ObjectNode base = execBinary(1, Synthetic.samples(10, 1.5, 3), 1);
        ObjectNode fresh = execBinary(2, null, 0);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Comparison.of(base, fresh, CompareSettings.defaults()));

        assertTrue(error.getMessage().contains("the timing helper"), error.getMessage());
        assertTrue(error.getMessage().contains("JMH's score"), error.getMessage());
    }

    @Test
    void helperAgainstJvmClockRejected() {
        ObjectNode base = execBinary(1, Synthetic.samples(10, 1.5, 3), 1);
        ObjectNode fresh = execBinary(2, Synthetic.samples(10, 1.9, 4), 0);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Comparison.of(base, fresh, CompareSettings.defaults()));

        assertTrue(error.getMessage().contains("the JVM clock"), error.getMessage());
    }

    @Test
    void malformedWallTimesRejected() {
        ObjectNode base = execBinary(1, Synthetic.samples(10, 1.5, 3), 1);
        ObjectNode fresh = execBinary(2, Synthetic.samples(4, 1.5, 4), 1);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Comparison.of(base, fresh, CompareSettings.defaults()));

        assertTrue(error.getMessage().contains("malformed wallMs"), error.getMessage());
    }

    @Test
    void sameClockCompared() {
        ObjectNode base = execBinary(1, Synthetic.samples(10, 1.5, 3), 1);
        ObjectNode fresh = execBinary(2, Synthetic.samples(10, 1.5, 4), 1);

        Comparison comparison = Comparison.of(base, fresh, CompareSettings.defaults());

        assertEquals(1.5, comparison.rows().get(0).stats().baseMedian(), 0.2);
    }

    /**
     * Returns a document with one execBinary record of 10 JMH scores around 5 ms, and where {@code wall} is
     * not null the helper's metrics: {@code wall} in ms, and whether the helper took them.
     */
    private static ObjectNode execBinary(long seed, double[] wall, int helperTimed) {
        ObjectNode document = Synthetic.document("a");
        Synthetic.add(document, "ExecBenchmark", "execBinary", "hello", Synthetic.samples(10, 5, seed));
        if (wall != null) {
            withWall(document, wall, helperTimed);
        }
        return document;
    }

    private static ObjectNode twoFixtures(double factor) {
        ObjectNode document = Synthetic.document("a");
        Synthetic.add(document, "GoBuildBenchmark", "goBuildWarm", "hello", Synthetic.samples(10, 100 * factor, 1));
        Synthetic.add(document, "GoBuildBenchmark", "goBuildWarm", "cgo", Synthetic.samples(10, 200, 2));
        return document;
    }

    /** Adds the helper's metrics to the last record: {@code wall} in ms, and whether the helper took them. */
    private static void withWall(ObjectNode document, double[] wall, int helperTimed) {
        ArrayNode records = (ArrayNode) document.path("benchmarks");
        ObjectNode secondary = (ObjectNode) records.get(records.size() - 1).path("secondaryMetrics");
        ArrayNode wallFork = secondary.putObject("wallMs").put("scoreUnit", "#").putArray("rawData").addArray();
        ArrayNode flagFork = secondary.putObject("helperTimed").put("scoreUnit", "#").putArray("rawData").addArray();
        for (double value : wall) {
            wallFork.add(value);
            flagFork.add(helperTimed);
        }
    }
}
