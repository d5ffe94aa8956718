package dev.gorunbench.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gorunbench.TestSupport;
import dev.gorunbench.toolchain.NativeBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The native timing helper, built with the system C compiler, run through ProcessRunner. */
class TimingHelperTest {
    @TempDir
    Path temp;

    private ProcessRunner runner;
    private Path reports;

    @BeforeEach
    void buildHelper() {
        NativeBuild.Built helper = NativeBuild.timingHelper(new ProcessRunner(), TestSupport.root(), temp.resolve("native"));
        assumeTrue(helper.executable().isPresent(), helper.description());
        reports = temp.resolve("reports");
        runner = new ProcessRunner(new TimingHelper(helper.executable().get(), reports));
    }

    @Test
    void passesOutputAndExitCodeThrough() {
        Path script = TestSupport.fakeExecutable(temp, "mixed",
                "echo \"out $GREETING\"\necho \"dir $(pwd)\"\necho 'err line' >&2\nexit 3");
        ProcessRequest request = ProcessRequest.builder(script, temp)
                .environment(Map.of("PATH", System.getenv("PATH"), "GREETING", "hello"))
                .timeout(Duration.ofSeconds(30))
                .build();

        ProcessResult result = runner.run(request);

        assertEquals(3, result.exitCode());
        assertEquals("out hello\ndir " + realTemp() + "\n", result.stdout());
        assertEquals("err line\n", result.stderrTail());
    }

    private Path realTemp() {
        try {
            return temp.toRealPath();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void reportsHelperClockAndUsage() {
        Path script = TestSupport.fakeExecutable(temp, "busy", "i=0\nwhile [ $i -lt 20000 ]; do i=$((i+1)); done");
        ProcessRequest request = ProcessRequest.builder(script, temp).timeout(Duration.ofSeconds(60)).build();

        ProcessResult result = runner.runChecked(request, "");

        assertEquals(ResourceUsage.Clock.TIMING_HELPER, result.usage().clock());
        assertTrue(result.wallNanos() > 0);
        assertTrue(result.usage().jvmWallNanos() >= result.wallNanos(), "the JVM's view includes the helper's start");
        assertTrue(result.usage().userNanos() > 0, "a busy loop uses user CPU");
        assertTrue(result.usage().systemNanos() >= 0);
        assertEquals(result.usage().userNanos() + result.usage().systemNanos(), result.cpuNanos());
        assertTrue(result.usage().maxRssBytes() > 0);
    }

    @Test
    void leavesNoReportOrOutputFiles() throws IOException {
        Path script = TestSupport.fakeExecutable(temp, "quiet", "echo done");
        runner.runChecked(ProcessRequest.builder(script, temp).timeout(Duration.ofSeconds(30)).build(), "done\n");
        try (var left = Files.list(reports)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void missingExecutableFailsToStart() {
        ProcessRequest request = ProcessRequest.builder(temp.resolve("no-such-program"), temp)
                .timeout(Duration.ofSeconds(10))
                .build();

        ProcessFailedException error = assertThrows(ProcessFailedException.class, () -> runner.run(request));

        assertTrue(error.getMessage().contains("could not be started"), error.getMessage());
        assertTrue(error.getMessage().contains("no-such-program"), error.getMessage());
    }

    @Test
    void hungChildTreeIsKilledOnTimeout() throws Exception {
        Path pidFile = temp.resolve("child.pid");
        Path hang = TestSupport.fakeExecutable(temp, "hang", "echo $$ > '" + pidFile + "'\nsleep 300");
        ProcessRequest request = ProcessRequest.builder(hang, temp)
                .environment(Map.of("PATH", System.getenv("PATH")))
                .timeout(Duration.ofSeconds(2))
                .build();

        ProcessFailedException error = assertThrows(ProcessFailedException.class, () -> runner.run(request));

        assertTrue(error.getMessage().contains("timed out after 2 s"), error.getMessage());
        long child = Long.parseLong(Files.readString(pidFile).trim());
        Optional<ProcessHandle> handle = ProcessHandle.of(child);
        handle.ifPresent(h -> h.onExit().join());
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void bareCommandNameKeepsJvmClock() {
        assumeTrue(!TestSupport.isWindows(), "uses sh");
        ProcessRequest request = ProcessRequest.builder(Path.of("sh"), temp)
                .argument("-c").argument("echo bare")
                .environment(Map.of("PATH", System.getenv("PATH")))
                .timeout(Duration.ofSeconds(30))
                .build();

        ProcessResult result = runner.runChecked(request, "bare\n");

        assertEquals(ResourceUsage.Clock.JVM, result.usage().clock());
    }

    @Test
    void reportParsesEveryField() throws IOException {
        Path file = temp.resolve("report.txt");
        Files.writeString(file, "gorunbench-timing 1 wall_ns=1500000 user_us=700 sys_us=300 maxrss_kib=2048 exit=0 signal=0\n");

        TimingHelper.Report report = TimingHelper.read(file);

        assertEquals(1_500_000, report.wallNanos());
        assertEquals(700_000, report.userNanos());
        assertEquals(300_000, report.systemNanos());
        assertEquals(2 * 1024 * 1024, report.maxRssBytes());
        assertFalse(report.spawnFailed());
    }

    @Test
    void reportRejectsGarbage() throws IOException {
        Path file = temp.resolve("garbage.txt");
        Files.writeString(file, "wall=fast\n");
        assertThrows(IOException.class, () -> TimingHelper.read(file));
    }

    @Test
    void fiveArgumentResultUsesJvmClock() {
        ProcessResult result = new ProcessResult(0, 42, -1, "", "");
        assertEquals(ResourceUsage.Clock.JVM, result.usage().clock());
        assertEquals(42, result.usage().jvmWallNanos());
        assertEquals(-1, result.usage().maxRssBytes());
    }
}
