package dev.gorunbench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.Checkouts;
import dev.gorunbench.Checkouts.CliResult;
import dev.gorunbench.TestSupport;
import dev.gorunbench.exec.ProcessFailedException;
import dev.gorunbench.exec.ProcessRunner;
import dev.gorunbench.fixture.Fixture;
import dev.gorunbench.fixture.FixtureSpec;
import dev.gorunbench.fixture.Workspace;
import dev.gorunbench.results.ResultsFile;
import dev.gorunbench.toolchain.GoCommand;
import dev.gorunbench.toolchain.GoEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixtures that fail in each way a Go program can, run with the real go: each failure names the command,
 * directory, exit code and last lines of output; a hung program is killed with the go command; and a
 * suite run with broken fixtures still runs and reports the others, then exits 1.
 */
class FixtureFaultTest {
    /** One build cache for the single-command tests, so only the first compiles the standard library. */
    @TempDir
    static Path sharedCache;

    @TempDir
    Path temp;

    @Test
    void compileErrorIsReported() throws Exception {
        ProcessFailedException error = assertThrows(ProcessFailedException.class,
                () -> goRun("package main\n\nfunc main() {\n\tundefinedCall()\n}\n", Duration.ofMinutes(5)));
        assertTrue(error.getMessage().contains("exit code: 1"), error.getMessage());
        assertTrue(error.getMessage().contains("undefined: undefinedCall"), error.getMessage());
        assertTrue(error.getMessage().contains(" run ."), error.getMessage());
    }

    @Test
    void wrongOutputIsReported() throws Exception {
        ProcessFailedException error = assertThrows(ProcessFailedException.class,
                () -> goRun(program("os.Stdout.WriteString(\"Goodbye\\n\")"), Duration.ofMinutes(5)));
        assertTrue(error.getMessage().contains("unexpected output"), error.getMessage());
        assertTrue(error.getMessage().contains("\"Goodbye\""), error.getMessage());
        assertTrue(error.getMessage().contains("exit code: 0"), error.getMessage());
    }

    @Test
    void nonZeroExitIsReported() throws Exception {
        ProcessFailedException error = assertThrows(ProcessFailedException.class,
                () -> goRun(program("os.Stderr.WriteString(\"fatal: disk on fire\\n\"); os.Exit(3)"),
                        Duration.ofMinutes(5)));
        assertTrue(error.getMessage().contains("exit code: 1"), "go run exits 1 for a failed program: "
                + error.getMessage());
        assertTrue(error.getMessage().contains("fatal: disk on fire"), error.getMessage());
        assertTrue(error.getMessage().contains("exit status 3"), error.getMessage());
    }

    @Test
    void hangIsKilledWithItsTree() throws Exception {
        Path pidFile = temp.resolve("hung.pid");
        // Build first, untimed, so the short timeout below only has to cover the hang.
        Path project = workspace(hangingProgram(pidFile));
        GoCommand slow = go(Duration.ofMinutes(5));
        slow.build(project, environment(), List.of(), temp.resolve(GoCommand.executableFileName("prebuilt")));
        Files.deleteIfExists(pidFile);

        GoCommand go = go(Duration.ofSeconds(5));
        ProcessFailedException error = assertThrows(ProcessFailedException.class,
                () -> go.run(project, environment(), List.of(), "never"));

        assertTrue(error.getMessage().contains("timed out after 5 s"), error.getMessage());
        assertTrue(error.getMessage().contains("process tree was killed"), error.getMessage());
        assertProcessGone(pidFile);
    }

    @Test
    void suiteRunsOnAndReportsFailures() throws Exception {
        Path root = Checkouts.copy(temp.resolve("checkout"));
        Checkouts.replaceFixture(root, Fixture.HELLO, Checkouts.HELLO_COPY);
        Checkouts.replaceFixture(root, Fixture.MULTIPKG, "package main\n\nfunc main() {\n\tundefinedCall()\n}\n");
        Path pidFile = temp.resolve("hung.pid");
        Checkouts.replaceFixture(root, Fixture.CGO, hangingProgram(pidFile));
        Files.createDirectories(root.resolve("results"));
        Files.writeString(root.resolve("results/latest.json"), "previous");
        Path workRoot = Files.createDirectories(temp.resolve("work-root"));

        CliResult result = Checkouts.runInProcess("run", "--profile=smoke", "--include=GoRunBenchmark.goRunWarm",
                "--timeout=45", "--root=" + root, "--work-root=" + workRoot);

        assertEquals(1, result.exitCode(), result.toString());
        String console = result.out();
        assertTrue(console.contains("fixture multipkg does not build"), result.toString());
        assertTrue(console.contains("goRunWarm {fixture=multipkg}"), result.toString());
        assertTrue(console.contains("undefined: undefinedCall"), "last lines of the compiler's output: " + result);
        assertTrue(console.contains("timed out after 45 s"), result.toString());
        assertTrue(console.contains("command: "), result.toString());
        assertTrue(result.err().contains("2 of 3 benchmarks failed"), result.toString());
        assertTrue(result.err().contains("{\"fixture\":\"cgo\"}"), "the failed benchmarks are named: " + result);
        assertProcessGone(pidFile);

        Path runFile;
        try (Stream<Path> files = Files.list(root.resolve("results"))) {
            runFile = files.filter(f -> f.getFileName().toString().matches("run-.*\\.json")).findFirst().orElseThrow();
        }
        ObjectNode written = ResultsFile.read(runFile);
        assertFalse(written.path("complete").asBoolean(), "a run with failures is marked incomplete");
        assertEquals(1, written.path("benchmarks").size(), "the passing benchmark is reported");
        assertEquals("hello", written.path("benchmarks").get(0).path("params").path("fixture").asText());
        assertEquals(2, written.path("failures").size());
        JsonNode compileFailure = written.path("failures").get(0);
        assertTrue(compileFailure.path("message").asText().contains("command: "), compileFailure.toString());
        assertTrue(compileFailure.path("message").asText().contains("last lines of output"), compileFailure.toString());
        JsonNode hang = written.path("failures").get(1);
        assertTrue(hang.path("message").asText().contains("timed out after 45 s"), hang.toString());
        assertTrue(hang.path("message").asText().contains(" run ."), hang.toString());
        assertEquals("previous", Files.readString(root.resolve("results/latest.json")));
        try (Stream<Path> left = Files.list(workRoot)) {
            assertEquals(List.of(), left.toList(), "the work directory is removed");
        }
    }

    private static String program(String body) {
        return "package main\n\nimport \"os\"\n\nfunc main() {\n\t" + body + "\n}\n";
    }

    /** A program that records its pid in {@code pidFile} and then sleeps for an hour. */
    static String hangingProgram(Path pidFile) {
        String literal = '"' + pidFile.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        return "package main\n\nimport (\n\t\"os\"\n\t\"strconv\"\n\t\"time\"\n)\n\nfunc main() {\n"
                + "\tos.WriteFile(" + literal + ", []byte(strconv.Itoa(os.Getpid())), 0o644)\n"
                + "\ttime.Sleep(time.Hour)\n}\n";
    }

    /** Waits until the program that wrote {@code pidFile} has exited, failing after 30 s. */
    static void assertProcessGone(Path pidFile) throws Exception {
        assertTrue(Files.exists(pidFile), "the hanging program started and wrote " + pidFile);
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                "the hung program " + pid + " must be killed with the go command that started it");
    }

    private void goRun(String mainGo, Duration timeout) throws Exception {
        go(timeout).run(workspace(mainGo), environment(), List.of(), "Hello from the gorunbench hello fixture!\n");
    }

    private Path workspace(String mainGo) throws Exception {
        Path root = Checkouts.copy(temp.resolve("checkout"));
        Checkouts.replaceFixture(root, Fixture.HELLO, mainGo);
        return Workspace.create(FixtureSpec.load(root.resolve("fixtures"), Fixture.HELLO), temp.resolve("src")).project();
    }

    private GoEnvironment environment() {
        return GoEnvironment.create(temp.resolve("env"), System.getenv()).withBuildCache(sharedCache.resolve("gocache"));
    }

    private GoCommand go(Duration timeout) {
        return new GoCommand(TestSupport.go(temp.resolve("probe")), new ProcessRunner(), timeout);
    }
}
