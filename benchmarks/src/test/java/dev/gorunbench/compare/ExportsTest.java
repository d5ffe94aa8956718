package dev.gorunbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.exec.ProcessRequest;
import dev.gorunbench.exec.ProcessResult;
import dev.gorunbench.exec.ProcessRunner;
import dev.gorunbench.results.ResultsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchstat text and the github-action-benchmark JSON, parsed back. */
class ExportsTest {
    /**
     * A result line of the Go benchmark format (golang.org/x/perf/benchfmt): a name starting with
     * "Benchmark" and no spaces, an iteration count, then value-unit pairs.
     */
    private static final Pattern RESULT_LINE =
            Pattern.compile("^(Benchmark\\S+)\\s+(\\d+)((?:\\s+[0-9.eE+-]+\\s+\\S+)+)$");
    /** A configuration line: a lower-case key without spaces or upper-case letters, a colon, a value. */
    private static final Pattern CONFIG_LINE = Pattern.compile("^[^\\sA-Z][^\\sA-Z:]*:(\\s.*)?$");

    @TempDir
    Path temp;

    private static ObjectNode results() {
        ObjectNode document = Synthetic.document("default");
        Synthetic.add(document, "GoRunBenchmark", "goRunWarm", "hello", new double[] {123.456789, 130, 125, 126, 127, 128});
        Synthetic.add(document, "GoBuildBenchmark", "goBuildWarm", "multipkg", new double[] {200, 201});
        return document;
    }

    @Test
    void benchstatLinesFollowFormat() {
        String text = Exports.benchstat(results());

        List<String> names = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher result = RESULT_LINE.matcher(line);
            if (result.matches()) {
                names.add(result.group(1));
                assertEquals("1", result.group(2));
            } else {
                assertTrue(CONFIG_LINE.matcher(line).matches(), "neither result nor configuration: " + line);
            }
        }
        assertEquals(8, names.size());
        assertEquals("BenchmarkGoRunWarm/fixture=hello-2", names.get(0));
        assertEquals("BenchmarkGoBuildWarm/fixture=multipkg-2", names.get(7));
        assertTrue(text.contains("BenchmarkGoRunWarm/fixture=hello-2 1 123456789 ns/op 61728395 cpu-ns/op\n"), text);
    }

    @Test
    void benchstatLeavesOutZeroCpuTimes() {
        ObjectNode document = Synthetic.document("default");
        Synthetic.add(document, "ExecBenchmark", "execBinary", "hello", new double[] {1.5, 1.6, 1.7});
        ArrayNode cpuFork = (ArrayNode) document.path("benchmarks").get(0).path("secondaryMetrics").path("cpuMs")
                .path("rawData").get(0);
        cpuFork.set(1, 0.0);

        String text = Exports.benchstat(document);

        assertTrue(text.contains("BenchmarkExecBinary/fixture=hello-2 1 1500000 ns/op\n"), text);
        assertTrue(!text.contains("cpu-ns/op"), text);
    }

    @Test
    void githubJsonMatchesSchema() throws Exception {
        JsonNode entries = ResultsFile.JSON.readTree(Exports.githubActionBenchmark(results()));

        assertTrue(entries.isArray());
        assertEquals(2, entries.size());
        for (JsonNode entry : entries) {
            assertTrue(entry.path("name").isTextual(), entry.toString());
            assertTrue(entry.path("unit").isTextual(), entry.toString());
            assertTrue(entry.path("value").isNumber(), entry.toString());
            assertTrue(!entry.has("range") || entry.path("range").isTextual(), entry.toString());
            assertTrue(!entry.has("extra") || entry.path("extra").isTextual(), entry.toString());
        }
        assertEquals("GoRunBenchmark.goRunWarm fixture=hello", entries.get(0).path("name").asText());
        assertEquals("ms", entries.get(0).path("unit").asText());
        assertEquals(126.5, entries.get(0).path("value").asDouble(), 1e-9);
        assertTrue(entries.get(0).has("range"), "six samples have an interval");
        assertTrue(!entries.get(1).has("range"), "two samples have none");
    }

    /** Runs the real benchstat when it is installed (GOBIN or PATH); otherwise the format test above stands. */
    @Test
    void benchstatReadsExport() throws Exception {
        Optional<Path> benchstat = findBenchstat();
        assumeTrue(benchstat.isPresent(), "benchstat is not installed (go install golang.org/x/perf/cmd/benchstat@latest)");
        ObjectNode base = results();
        ObjectNode fresh = results();
        Path oldFile = Files.writeString(temp.resolve("old.txt"), Exports.benchstat(base));
        Path newFile = Files.writeString(temp.resolve("new.txt"), Exports.benchstat(fresh));

        ProcessResult result = new ProcessRunner().run(ProcessRequest.builder(benchstat.get(), temp)
                .argument(oldFile.toString())
                .argument(newFile.toString())
                .environment(System.getenv())
                .timeout(Duration.ofMinutes(1))
                .build());

        assertEquals(0, result.exitCode(), result.stderrTail());
        assertTrue(result.stdout().contains("GoRunWarm/fixture=hello"), result.stdout());
        assertTrue(result.stdout().contains("sec/op"), result.stdout());
        assertTrue(!result.stderrTail().contains("parsing"), result.stderrTail());
    }

    private static Optional<Path> findBenchstat() {
        List<String> dirs = new ArrayList<>();
        String gobin = System.getenv("GOBIN");
        if (gobin != null) {
            dirs.add(gobin);
        }
        dirs.addAll(List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)));
        dirs.add(Path.of(System.getProperty("user.home"), "go", "bin").toString());
        for (String dir : dirs) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "benchstat"))) {
                return Optional.of(Path.of(dir, "benchstat"));
            }
        }
        return Optional.empty();
    }
}
