package dev.gorunbench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gorunbench.Checkouts;
import dev.gorunbench.TestSupport;
import dev.gorunbench.fixture.Fixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ctrl-C (SIGINT) and SIGTERM sent to {@code Cli run} while a benchmark's go command runs: every child
 * process is killed, the work directory is removed, no results file is written, and results/latest.json
 * and the baselines stay as they were.
 */
class InterruptTest {
    @TempDir
    Path temp;

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM"})
    void interruptMidRun(String signal) throws Exception {
        assumeTrue(!TestSupport.isWindows(), "POSIX signals");
        Path root = Checkouts.copy(temp.resolve("checkout"));
        Path pidFile = temp.resolve("hung.pid");
        Checkouts.replaceFixture(root, Fixture.HELLO, FixtureFaultTest.hangingProgram(pidFile));
        Checkouts.replaceFixture(root, Fixture.MULTIPKG, Checkouts.HELLO_COPY);
        Checkouts.replaceFixture(root, Fixture.CGO, Checkouts.HELLO_COPY);
        Path results = Files.createDirectories(root.resolve("results"));
        Files.writeString(results.resolve("latest.json"), "previous latest");
        Files.createDirectories(results.resolve("baselines"));
        Files.writeString(results.resolve("baselines/default.json"), "previous baseline");
        Path workRoot = Files.createDirectories(temp.resolve("work-root"));
        Path log = temp.resolve("cli.log");

        Process cli = Checkouts.startCli(log, List.of("run", "--profile=smoke", "--include=GoRunBenchmark.goRunWarm",
                "--timeout=600", "--root=" + root, "--work-root=" + workRoot));
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!Files.exists(pidFile) && cli.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(Files.exists(pidFile), "the hanging fixture started: " + Files.readString(log));
            // Read once the JVM runs, not while the JDK's launcher is still starting it.
            assumeFalse(signal.equals("INT") && ignoresSigint(cli.pid()),
                    "SIGINT is ignored in this process tree (a shell starts background jobs so), so the JVM never sees it");
            Thread.sleep(500);
            List<ProcessHandle> children = cli.descendants().toList();
            assertTrue(children.size() >= 3, "a JMH fork, go run and the program are running: " + children);

            new ProcessBuilder("kill", "-" + signal, Long.toString(cli.pid())).inheritIO().start().waitFor();
            boolean exited = cli.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                // Thread dump of the hung JVM into the log, so the failure shows where it waits.
                new ProcessBuilder("kill", "-QUIT", Long.toString(cli.pid())).inheritIO().start().waitFor();
                Thread.sleep(2000);
            }
            assertTrue(exited, "the run exits after SIG" + signal + "; its output:\n" + Files.readString(log));

            String output = Files.readString(log);
            assertNotEquals(0, cli.exitValue(), output);
            assertTrue(output.contains("Interrupted: child processes killed"), output);
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
                assertFalse(child.isAlive(), "child " + child.pid() + " " + child.info().command().orElse(""));
            }
            try (Stream<Path> left = Files.list(workRoot)) {
                assertEquals(List.of(), left.toList(), "the work directory is removed");
            }
            assertEquals("previous latest", Files.readString(results.resolve("latest.json")));
            assertEquals("previous baseline", Files.readString(results.resolve("baselines/default.json")));
            try (Stream<Path> files = Files.list(results)) {
                assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".json")
                        && f.getFileName().toString().startsWith("run-")).toList(), "no results file is written");
            }
        } finally {
            // On a failed or skipped check the run is still going: kill its JMH fork and go commands too.
            cli.descendants().forEach(ProcessHandle::destroyForcibly);
            cli.destroyForcibly();
        }
    }

    /** Returns whether Linux reports SIGINT (signal 2) in the process's mask of ignored signals. */
    private static boolean ignoresSigint(long pid) throws Exception {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                return (mask & (1L << 1)) != 0;
            }
        }
        return false;
    }
}
