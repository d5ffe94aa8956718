package dev.gorunbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.TestSupport;
import dev.gorunbench.results.ResultsFile;
import dev.gorunbench.toolchain.ToolchainException;
import dev.gorunbench.workdir.Trees;
import dev.gorunbench.workdir.WorkDirectory;
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

/** A real suite run, smoke profile, on a copy of the checkout's fixtures. */
class SuiteRunnerTest {
    @TempDir
    Path temp;

    @Test
    void smokeRunWritesResultsAndLeavesNoWorkDirectory() throws Exception {
        Path root = checkoutCopy();
        Path workRoot = Files.createDirectories(temp.resolve("work-root"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        SuiteOptions options = new SuiteOptions(Profile.SMOKE, "ExecBinaryBenchmark", "", false, List.of(),
                Duration.ofMinutes(5), root, workRoot, false, "default");

        Path written = new SuiteRunner(options, new PrintStream(console, true, StandardCharsets.UTF_8)).run();

        ObjectNode results = ResultsFile.read(written);
        assertEquals(ResultsFile.SCHEMA_VERSION, results.path("schemaVersion").intValue());
        assertTrue(results.path("complete").asBoolean());
        JsonNode environment = results.path("environment");
        assertTrue(environment.path("go").path("version").asText().startsWith("go1."), environment.toString());
        assertTrue(environment.path("go").path("env").path("GOCACHE").asText().contains(WorkDirectory.PREFIX));
        assertTrue(environment.path("cpu").path("logicalCores").asInt() > 0);
        assertTrue(environment.path("memoryBytes").asLong() > 0);
        assertFalse(environment.path("workDirectory").path("fileSystem").asText().isEmpty());
        assertFalse(environment.path("timeUtc").asText().isEmpty());
        assertEquals("TIMING_HELPER", environment.path("timing").path("clock").asText(), environment.toString());
        assertTrue(environment.path("execFloor").path("medianMs").asDouble() > 0, environment.toString());
        assertEquals(30, environment.path("execFloor").path("samples").asInt());

        JsonNode benchmarks = results.path("benchmarks");
        assertEquals(3, benchmarks.size(), "one record per fixture");
        for (JsonNode record : benchmarks) {
            assertEquals("dev.gorunbench.bench.ExecBinaryBenchmark.execBinary", record.path("benchmark").asText());
            assertEquals(2, record.path("primaryMetric").path("rawData").get(0).size(), "smoke takes two samples");
            assertTrue(record.path("secondaryMetrics").has("cpuMs"), record.toString());
            JsonNode helperTimed = record.path("secondaryMetrics").path("helperTimed").path("rawData").get(0);
            assertEquals(1.0, helperTimed.get(0).asDouble(), record.toString());
            JsonNode rss = record.path("secondaryMetrics").path("maxRssMiB").path("rawData").get(0);
            assertTrue(rss.get(0).asDouble() > 0, record.toString());
        }
        assertEquals(results, ResultsFile.read(root.resolve("results/latest.json")));

        String output = console.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("[3/3]"), output);
        try (Stream<Path> left = Files.list(workRoot)) {
            assertEquals(List.of(), left.toList(), "the work directory must be removed");
        }
    }

    @Test
    void missingGoStopsBeforeAnyBenchmark() throws Exception {
        Path root = checkoutCopy();
        Path workRoot = Files.createDirectories(temp.resolve("work-root"));
        SuiteOptions options = new SuiteOptions(Profile.SMOKE, ".*", temp.resolve("no-go").toString(), false,
                List.of(), Duration.ofMinutes(1), root, workRoot, false, "default");

        ToolchainException error = assertThrows(ToolchainException.class,
                () -> new SuiteRunner(options, new PrintStream(new ByteArrayOutputStream())).run());

        assertTrue(error.getMessage().contains("no-go"), error.getMessage());
        assertFalse(Files.exists(root.resolve("results/latest.json")));
        try (Stream<Path> left = Files.list(workRoot)) {
            assertEquals(List.of(), left.toList(), "the work directory must be removed after a failure too");
        }
    }

    @Test
    void includeMatchingNothingIsAnError() throws Exception {
        Path root = checkoutCopy();
        SuiteOptions options = new SuiteOptions(Profile.SMOKE, "noSuchBenchmark", "", false, List.of(),
                Duration.ofMinutes(1), root, temp, false, "default");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new SuiteRunner(options, new PrintStream(new ByteArrayOutputStream())).run());
        assertTrue(error.getMessage().contains("noSuchBenchmark"), error.getMessage());
    }

    private Path checkoutCopy() throws Exception {
        Path root = temp.resolve("checkout");
        Trees.copy(TestSupport.fixtures(), root.resolve("fixtures"));
        Trees.copy(TestSupport.root().resolve("benchmarks/native"), root.resolve("benchmarks/native"));
        return root;
    }
}
