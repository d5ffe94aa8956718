package dev.gorunbench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gorunbench.Checkouts;
import dev.gorunbench.Cli;
import dev.gorunbench.Checkouts.CliResult;
import dev.gorunbench.TestSupport;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Go toolchain that cannot be used stops {@code Cli run} before any benchmark: exit 2, a message, no debris. */
class GoToolchainFaultTest {
    @TempDir
    Path temp;

    private Path root;
    private Path workRoot;
    private byte[] latest;

    @BeforeEach
    void checkout() throws Exception {
        root = Checkouts.copy(temp.resolve("checkout"));
        workRoot = Files.createDirectories(temp.resolve("work-root"));
        latest = "{\"previous\": true}".getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(root.resolve("results"));
        Files.write(root.resolve("results/latest.json"), latest);
    }

    @Test
    void goMissing() throws Exception {
        Path missing = temp.resolve("no-such-dir/go");
        CliResult result = run(missing.toString());
        assertRejected(result, missing.toString(), "Go was not found");
    }

    @Test
    void goNotOnPath() throws Exception {
        Path emptyBin = Files.createDirectories(temp.resolve("empty-bin"));
        Path log = temp.resolve("cli.log");
        Process cli = startWithPath(log, emptyBin);
        assertEquals(2, cli.waitFor(), Files.readString(log));
        String output = Files.readString(log);
        assertTrue(output.contains("Go was not found"), output);
        assertTrue(output.contains(emptyBin.toString()), output);
        assertTrue(output.contains("--go=PATH"), output);
        assertFalse(output.contains("Exception"), output);
        assertNoDebris();
    }

    @Test
    void goNotExecutable() throws Exception {
        Path file = Files.writeString(temp.resolve("go"), "not a program");
        CliResult result = run(file.toString());
        assertRejected(result, file.toString(), "not an executable file");
    }

    @Test
    void goPrintsGarbage() throws Exception {
        Path fake = TestSupport.fakeExecutable(Files.createDirectories(temp.resolve("garbage")), "go",
                "echo 'Segmentation fault ### 0xdeadbeef'");
        CliResult result = run(fake.toString());
        assertRejected(result, fake.toString(), "not a Go version line");
    }

    @Test
    void goTooOld() throws Exception {
        Path fake = TestSupport.fakeExecutable(Files.createDirectories(temp.resolve("old")), "go",
                "echo 'go version go1.16.15 linux/amd64'");
        CliResult result = run(fake.toString());
        assertRejected(result, fake.toString(), "older than the minimum go1.18");
    }

    private CliResult run(String go) {
        return Checkouts.runInProcess("run", "--profile=smoke", "--go=" + go, "--root=" + root,
                "--work-root=" + workRoot);
    }

    private Process startWithPath(Path log, Path pathEntry) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(String.join(File.pathSeparator, Checkouts.classPath()));
        command.add(Cli.class.getName());
        command.addAll(List.of("run", "--profile=smoke", "--root=" + root, "--work-root=" + workRoot));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("PATH", pathEntry.toString());
        return builder.start();
    }

    private void assertRejected(CliResult result, String path, String problem) throws Exception {
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.err().contains(path), result.toString());
        assertTrue(result.err().contains(problem), result.toString());
        assertTrue(result.err().contains("--go=PATH"), "the message names the fix: " + result);
        assertFalse(result.err().contains("Exception"), "no stack trace: " + result);
        assertFalse(result.out().contains("== Running"), "no benchmark starts: " + result);
        assertNoDebris();
    }

    private void assertNoDebris() throws Exception {
        try (Stream<Path> left = Files.list(workRoot)) {
            assertEquals(List.of(), left.toList(), "the work directory is removed");
        }
        assertTrue(Arrays.equals(latest, Files.readAllBytes(root.resolve("results/latest.json"))),
                "results/latest.json is left as it was");
    }
}
