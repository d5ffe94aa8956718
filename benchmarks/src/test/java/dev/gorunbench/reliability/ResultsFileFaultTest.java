package dev.gorunbench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gorunbench.Checkouts;
import dev.gorunbench.Checkouts.CliResult;
import dev.gorunbench.results.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unusable results files given to {@code Cli report}, and a results directory that is full. */
class ResultsFileFaultTest {
    @TempDir
    Path temp;

    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            Checkouts.unmount(mounted);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty|''|file is empty",
        "truncated|'{\"schemaVersion\": 1, \"environment\": {}, \"benchmarks\": [{\"benchmark\": \"x\"'|corrupt or truncated",
        "corrupt|'garbage <<< >>>'|not valid JSON",
        "foreign|'{\"name\": \"some other tool\", \"values\": [1, 2]}'|schemaVersion is missing",
        "jmh-array|'[{\"benchmark\": \"a.b\", \"primaryMetric\": {}}]'|JMH's own result files are arrays",
        "future|'{\"schemaVersion\": 99, \"environment\": {}, \"benchmarks\": []}'|newer than 1",
        "version-text|'{\"schemaVersion\": \"1\", \"environment\": {}, \"benchmarks\": []}'|not a whole number",
        "bad-record|'{\"schemaVersion\": 1, \"environment\": {}, \"benchmarks\": [42]}'|benchmarks[0] is not a JMH record",
    })
    void reportRejects(String name, String content, String problem) throws Exception {
        Path file = Files.writeString(temp.resolve(name + " results.json"), content, StandardCharsets.UTF_8);
        Path outDir = Files.createDirectories(temp.resolve("out"));

        CliResult result = Checkouts.runInProcess("report", file.toString(), "--out-dir=" + outDir);

        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.err().contains(file.toString()), "the message names the file: " + result);
        assertTrue(result.err().contains(problem), result.toString());
        assertFalse(result.err().contains("Exception"), "no stack trace: " + result);
        assertFalse(result.err().contains("\tat "), "no stack trace: " + result);
        assertFalse(Files.exists(outDir.resolve("README.md")), "no report is written");
    }

    @Test
    void reportRejectsMissingFile() {
        Path file = temp.resolve("no such results.json");
        CliResult result = Checkouts.runInProcess("report", file.toString(), "--out-dir=" + temp);
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.err().contains(file + ": file not found"), result.toString());
    }

    @Test
    void fullDiskKeepsOldFile() throws Exception {
        mounted = temp.resolve("small");
        Checkouts.mountTmpfs(mounted, "size=64k");
        Path target = mounted.resolve("latest.json");
        Files.writeString(target, "old results");
        Files.write(mounted.resolve("filler"), new byte[40 * 1024]);

        Exception error = assertThrows(Exception.class,
                () -> AtomicFiles.write(target, new byte[256 * 1024]));

        assertTrue(error.getMessage().contains(mounted.toString()), "the message names the path: " + error);
        assertEquals("old results", Files.readString(target), "the old file is left as it was");
        try (Stream<Path> files = Files.list(mounted)) {
            assertEquals(List.of("filler", "latest.json"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no temp file is left behind");
        }
    }
}
