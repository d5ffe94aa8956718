package dev.gorunbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.TestSupport;
import dev.gorunbench.results.ResultsFile;
import dev.gorunbench.workdir.Trees;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real smoke run of one temp-directory benchmark with a temp location that does not exist. */
class TempLocationSkipTest {
    @TempDir
    Path temp;

    @Test
    void missingLocationIsSkippedNotFailed() throws Exception {
        Path root = temp.resolve("checkout");
        Trees.copy(TestSupport.fixtures(), root.resolve("fixtures"));
        Trees.copy(TestSupport.root().resolve("benchmarks/native"), root.resolve("benchmarks/native"));
        Path missing = temp.resolve("no-such-dir");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        SuiteOptions options = new SuiteOptions(Profile.SMOKE, "tempDirCreate", "", false, List.of(missing),
                Duration.ofMinutes(5), root, Files.createDirectories(temp.resolve("work-root")), false, "default");

        Path written = new SuiteRunner(options, new PrintStream(console, true, StandardCharsets.UTF_8)).run();

        ObjectNode results = ResultsFile.read(written);
        assertTrue(results.path("complete").asBoolean());
        assertEquals(0, results.path("failures").size());
        assertEquals(1, results.path("benchmarks").size());
        assertEquals("default", results.path("benchmarks").get(0).path("params").path("location").asText());
        JsonNode skipped = results.path("environment").path("tempLocations").get(2);
        assertEquals(missing.toString(), skipped.path("label").asText());
        assertTrue(skipped.path("skipReason").asText().startsWith("missing:"), skipped.toString());
        String output = console.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains(missing + ", unknown): skipped: missing:"), output);
    }
}
