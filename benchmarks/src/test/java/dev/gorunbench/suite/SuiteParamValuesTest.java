package dev.gorunbench.suite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gorunbench.workdir.TempLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.junit.jupiter.api.Test;

/** Which parameter values the suite gives the temp-directory benchmarks, from the real benchmark list. */
class SuiteParamValuesTest {
    private static final TempLocation DISK =
            new TempLocation("default", Path.of("/tmp"), "ext4", "/", "rw", null, false);
    private static final TempLocation SHM =
            new TempLocation("shm", Path.of("/dev/shm"), "tmpfs", "/dev/shm", "rw,noexec", null, true);
    private static final TempLocation MISSING =
            new TempLocation("/absent", Path.of("/absent"), "unknown", "unknown", "unknown", "missing: /absent", false);

    private final SuiteParamValues values = new SuiteParamValues(List.of(DISK, SHM, MISSING));

    @Test
    void treeBenchmarksUseEveryUsableLocation() {
        Map<String, String[]> params = values.of(entry("TempTreeBenchmark.tempTreeWrite"), Profile.DEFAULT);
        assertArrayEquals(new String[] {"default", "shm"}, params.get("location"));
        assertArrayEquals(new String[] {"1", "100", "1000", "10000"}, params.get("files"));
    }

    @Test
    void noexecLocationIsLeftOutForPrograms() {
        Map<String, String[]> params = values.of(entry("GoRunTmpdirBenchmark.goRunTmpdir"), Profile.DEFAULT);
        assertArrayEquals(new String[] {"default"}, params.get("location"));
        assertArrayEquals(new String[] {"hello", "multipkg", "cgo"}, params.get("fixture"));
    }

    @Test
    void freshExecutableRunsHelloOnly() {
        Map<String, String[]> params = values.of(entry("FreshExecutableBenchmark.freshExecutable"), Profile.DEFAULT);
        assertArrayEquals(new String[] {"hello"}, params.get("fixture"));
    }

    @Test
    void smokeKeepsOneLocationAndOneTreeSize() {
        Map<String, String[]> params = values.of(entry("TempTreeBenchmark.tempTreeDelete"), Profile.SMOKE);
        assertArrayEquals(new String[] {"default"}, params.get("location"));
        assertArrayEquals(new String[] {"100"}, params.get("files"));
    }

    @Test
    void otherBenchmarksKeepDeclaredValues() {
        Map<String, String[]> params = values.of(entry("GoRunBenchmark.goRunWarm"), Profile.DEFAULT);
        assertArrayEquals(new String[] {"hello", "multipkg", "cgo"}, params.get("fixture"));
    }

    @Test
    void skippedLocationsAreRecordedWithReason() {
        JsonNode json = values.toJson();
        assertEquals(3, json.size());
        assertTrue(json.get(0).path("skipReason").isNull());
        assertTrue(json.get(1).path("skipReason").isNull());
        assertTrue(json.get(1).path("skipReasonForPrograms").asText().startsWith("mounted noexec"));
        assertEquals("missing: /absent", json.get(2).path("skipReason").asText());
    }

    @Test
    void skippedLocationsArePrinted() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        values.print(new PrintStream(console, true, StandardCharsets.UTF_8));
        String output = console.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("/absent (/absent, unknown): skipped: missing: /absent"), output);
        assertTrue(output.contains("shm (/dev/shm, tmpfs): skipped by benchmarks that run programs"), output);
    }

    @Test
    void locationWithoutProblemHasNoReason() {
        assertNull(DISK.skipReason(true));
    }

    private static BenchmarkListEntry entry(String suffix) {
        return BenchmarkList.defaultList()
                .getAll(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of())
                .stream()
                .filter(e -> e.getUsername().endsWith("." + suffix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no benchmark " + suffix));
    }
}
