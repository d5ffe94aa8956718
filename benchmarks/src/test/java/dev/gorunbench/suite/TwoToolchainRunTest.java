package dev.gorunbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.TestSupport;
import dev.gorunbench.report.MarkdownReport;
import dev.gorunbench.results.ResultsFile;
import dev.gorunbench.workdir.Trees;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real smoke run under two toolchains. Where no second Go is installed, the installed one runs under
 * two labels, which exercises the same interleaving and labelling.
 */
class TwoToolchainRunTest {
    @TempDir
    Path temp;

    @Test
    void twoLabelsInterleaved() throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        Path root = temp.resolve("checkout");
        Trees.copy(TestSupport.fixtures(), root.resolve("fixtures"));
        Trees.copy(TestSupport.root().resolve("benchmarks/native"), root.resolve("benchmarks/native"));
        Path workRoot = Files.createDirectories(temp.resolve("work-root"));
        String go = TestSupport.go(temp.resolve("probe")).executable().toString();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        SuiteOptions options = new SuiteOptions(Profile.SMOKE, "ExecBinaryBenchmark", "first=" + go + ",second=" + go,
                false, List.of(), Duration.ofMinutes(5), root, workRoot, false, "default");

        Path written = new SuiteRunner(options, new PrintStream(console, true, StandardCharsets.UTF_8)).run();

        ObjectNode results = ResultsFile.read(written);
        List<String> labels = new ArrayList<>();
        results.path("benchmarks").forEach(record -> labels.add(record.path("params").path("toolchain").asText()));
        assertEquals(List.of("first", "first", "first", "second", "second", "second"), labels,
                "three fixtures per toolchain, grouped by toolchain");
        JsonNode toolchains = results.path("toolchains");
        assertEquals(2, toolchains.size());
        assertEquals("second", toolchains.get(1).path("label").asText());
        assertEquals(go, toolchains.get(1).path("executable").asText());

        String output = console.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("execBinary {fixture=hello} [first]"), output);
        assertTrue(output.indexOf("{fixture=multipkg} [second]") < output.indexOf("{fixture=multipkg} [first]"),
                "the second round starts with the second toolchain: " + output);

        String page = MarkdownReport.render(results, written);
        assertTrue(page.contains("## Toolchains compared"), page);
        assertTrue(page.contains("| second / first |"), page);
        try (Stream<Path> left = Files.list(workRoot)) {
            assertEquals(List.of(), left.toList(), "the work directory must be removed");
        }
    }
}
