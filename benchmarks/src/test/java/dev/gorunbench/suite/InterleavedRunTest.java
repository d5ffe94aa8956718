package dev.gorunbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gorunbench.Checkouts;
import dev.gorunbench.TestSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real interleaved A/B run, as {@code Cli ab} and {@code Cli calibrate} make it: each side's forks are
 * timed by the same timing helper a suite run uses, and the session leaves no work directory behind.
 */
class InterleavedRunTest {
    @TempDir
    Path temp;

    @Test
    void sidesAreMeasuredLikeASuiteRun() throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        Path root = Checkouts.copy(temp.resolve("checkout"));
        Path workRoot = Files.createDirectories(temp.resolve("work-root"));
        String go = TestSupport.go(temp.resolve("probe")).executable().toString();
        SuiteOptions options = new SuiteOptions(Profile.SMOKE, "ExecBinaryBenchmark", go, false, List.of(),
                Duration.ofMinutes(5), root, workRoot, false, "default");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        InterleavedRunner runner = new InterleavedRunner(options, new PrintStream(console, true, StandardCharsets.UTF_8));
        InterleavedRunner.Side a = InterleavedRunner.Side.parse("A", List.of("param.fixture=hello"));
        InterleavedRunner.Side b = InterleavedRunner.Side.parse("B", List.of("param.fixture=cgo"));

        InterleavedRunner.Pair pair;
        try (InterleavedRunner.Session session = runner.open()) {
            pair = session.run(a, b, 2, temp.resolve("ab.log"));
        }

        String output = console.toString(StandardCharsets.UTF_8);
        for (JsonNode side : List.of(pair.a(), pair.b())) {
            assertEquals(1, side.path("benchmarks").size(), output);
            JsonNode record = side.path("benchmarks").get(0);
            assertEquals(2, record.path("primaryMetric").path("rawData").size(), "one raw-data row per fork");
            assertEquals(2, record.path("secondaryMetrics").path("wallMs").path("rawData").size(), "wall time per fork");
            JsonNode timing = side.path("environment").path("timing");
            assertEquals("TIMING_HELPER", timing.path("clock").asText(), "environment: " + side.path("environment"));
        }
        assertEquals("hello", pair.a().path("benchmarks").get(0).path("params").path("fixture").asText());
        assertEquals("cgo", pair.b().path("benchmarks").get(0).path("params").path("fixture").asText());
        assertEquals("B", pair.b().path("environment").path("variant").path("side").asText());
        assertEquals(pair.a().path("environment").path("variant").path("runId").asText(),
                pair.b().path("environment").path("variant").path("runId").asText(), "both sides carry the run's id");
        assertTrue(dev.gorunbench.compare.Comparison.sidesOfOneInterleavedRun(pair.a(), pair.b()));
        assertTrue(Files.readString(temp.resolve("ab.log")).contains("ExecBinaryBenchmark.execBinary"),
                "JMH's output is kept in the log");
        try (Stream<Path> left = Files.list(workRoot)) {
            assertEquals(List.of(), left.toList(), "the work directory must be removed");
        }
    }
}
