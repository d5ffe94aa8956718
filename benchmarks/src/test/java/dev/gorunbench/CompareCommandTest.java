package dev.gorunbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.compare.Synthetic;
import dev.gorunbench.results.ResultsFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and output of {@code Cli compare}. */
class CompareCommandTest {
    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private Path write(String name, double factor, int count) throws Exception {
        ObjectNode document = Synthetic.add(Synthetic.document("default"), "GoRunBenchmark", "goRunWarm", "hello",
                Synthetic.scaled(Synthetic.samples(count, 100, name.hashCode()), factor));
        Path file = temp.resolve(name + ".json");
        ResultsFile.write(file, document);
        return file;
    }

    @Test
    void incompleteOtherEnvironmentWarned() throws Exception {
        ObjectNode document = Synthetic.add(Synthetic.document("default"), "GoRunBenchmark", "goRunWarm", "hello",
                Synthetic.samples(20, 100, 7));
        Synthetic.add(document, "GoRunBenchmark", "goRunWarm", "cgo", Synthetic.samples(20, 120, 8));
        Path base = temp.resolve("base.json");
        ResultsFile.write(base, document);
        ObjectNode partial = Synthetic.add(Synthetic.document("default"), "GoRunBenchmark", "goRunWarm", "hello",
                Synthetic.samples(20, 100, 9));
        partial.put("complete", false);
        ((ObjectNode) partial.path("environment").path("go")).put("version", "go1.25.0");
        Path fresh = temp.resolve("partial.json");
        ResultsFile.write(fresh, partial);

        int code = Cli.execute("compare", base.toString(), fresh.toString());

        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("Go version go1.26.8 vs go1.25.0"), err.toString());
        assertTrue(err.toString().contains("is an incomplete run"), err.toString());
        assertTrue(err.toString().contains("1 benchmark and parameter sets of"), err.toString());
    }

    @Test
    void noRegressionExitsZero() throws Exception {
        int code = Cli.execute("compare", write("old", 1.0, 20).toString(), write("new", 1.0, 20).toString());

        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("| GoRunBenchmark.goRunWarm | fixture=hello |"), out.toString());
    }

    @Test
    void regressionExitsOne() throws Exception {
        Path summary = temp.resolve("summary.json");

        int code = Cli.execute("compare", "--summary", summary.toString(), write("old", 1.0, 20).toString(),
                write("new", 1.5, 20).toString());

        assertEquals(1, code);
        assertTrue(out.toString().contains("| regression |"), out.toString());
        JsonNode parsed = ResultsFile.JSON.readTree(summary.toFile());
        assertEquals("regression", parsed.path("status").asText());
        assertEquals(1, parsed.path("regressions").asInt());
        assertTrue(parsed.path("rows").get(0).path("pValue").asDouble() < 0.05);
    }

    @Test
    void higherMinEffectPasses() throws Exception {
        int code = Cli.execute("compare", "--min-effect-for", "goRunWarm=0.9", write("old", 1.0, 20).toString(),
                write("new", 1.5, 20).toString());

        assertEquals(0, code, out.toString());
    }

    @Test
    void missingFileExitsTwo() throws Exception {
        Path missing = temp.resolve("nope.json");

        int code = Cli.execute("compare", missing.toString(), write("new", 1.0, 20).toString());

        assertEquals(2, code);
        assertTrue(err.toString().contains(missing + ": file not found"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace");
    }

    @Test
    void unknownNamesWarned() throws Exception {
        int code = Cli.execute("compare", "--min-effect-for", "noSuchBench=0.5", "--ignore-param", "nosuch",
                write("old", 1.0, 20).toString(), write("new", 1.0, 20).toString());

        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("pattern noSuchBench matches no benchmark"), err.toString());
        assertTrue(err.toString().contains("--ignore-param=nosuch is not a parameter"), err.toString());
    }

    @Test
    void exportOfEmptyRunExitsTwo() throws Exception {
        Path empty = temp.resolve("empty.json");
        ResultsFile.write(empty, Synthetic.document("default"));

        int code = Cli.execute("export", "--format=github", empty.toString());

        assertEquals(2, code);
        assertTrue(err.toString().contains("contains no benchmarks"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void exportOfMalformedWallExitsTwo() throws Exception {
        ObjectNode document = Synthetic.add(Synthetic.document("default"), "GoRunBenchmark", "goRunWarm", "hello",
                Synthetic.samples(6, 100, 3));
        ObjectNode secondary = (ObjectNode) document.path("benchmarks").get(0).path("secondaryMetrics");
        secondary.putObject("wallMs").putArray("rawData").addArray().add(90).add(0);
        Path file = temp.resolve("malformed.json");
        ResultsFile.write(file, document);

        int code = Cli.execute("export", "--format=benchstat", file.toString());

        assertEquals(2, code);
        assertTrue(err.toString().contains("malformed wallMs"), err.toString());
    }

    @Test
    void directoryExitsTwo() throws Exception {
        int code = Cli.execute("compare", temp.toString(), write("new", 1.0, 20).toString());

        assertEquals(2, code);
        assertTrue(err.toString().contains(temp + ": is a directory"), err.toString());
    }

    @Test
    void truncatedArrayNamesPosition() throws Exception {
        Path truncated = Files.writeString(temp.resolve("truncated.json"), "{\"schemaVersion\": 1, \"benchmarks\": [");

        int code = Cli.execute("compare", truncated.toString(), write("new", 1.0, 20).toString());

        assertEquals(2, code);
        assertTrue(err.toString().contains("start marker at line 1, column 36"), err.toString());
        assertFalse(err.toString().contains("Source:"), err.toString());
    }

    @Test
    void corruptFileExitsTwo() throws Exception {
        Path corrupt = Files.writeString(temp.resolve("corrupt.json"), "{\"schemaVersion\": 1,");

        int code = Cli.execute("compare", write("old", 1.0, 20).toString(), corrupt.toString());

        assertEquals(2, code);
        assertTrue(err.toString().contains(corrupt + ": not valid JSON"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace");
    }

    @Test
    void tooFewSamplesExitTwo() throws Exception {
        int code = Cli.execute("compare", write("old", 1.0, 3).toString(), write("new", 2.0, 3).toString());

        assertEquals(2, code);
        assertTrue(out.toString().contains("not enough samples (3 and 3, needed 6)"), out.toString());
        assertTrue(err.toString().contains("too few samples"), err.toString());
    }

    @Test
    void invalidAlphaExitsTwo() throws Exception {
        int code = Cli.execute("compare", "--alpha", "2", write("old", 1.0, 20).toString(),
                write("new", 1.0, 20).toString());

        assertEquals(2, code);
        assertTrue(err.toString().contains("alpha 2.0 is out of range"), err.toString());
    }
}
