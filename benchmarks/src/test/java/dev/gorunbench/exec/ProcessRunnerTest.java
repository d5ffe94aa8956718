package dev.gorunbench.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gorunbench.TestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process layer, provoked with fake executables: hangs, crashes, floods of output. */
class ProcessRunnerTest {
    private final ProcessRunner runner = new ProcessRunner();

    @TempDir
    Path temp;

    @Test
    void hungChildTreeIsKilledOnTimeout() throws Exception {
        Path pidFile = temp.resolve("grandchild.pid");
        Path hang = TestSupport.fakeExecutable(temp, "hang", "sleep 300 &\necho $! > '" + pidFile + "'\nwait");
        ProcessRequest request = ProcessRequest.builder(hang, temp)
                .environment(Map.of("PATH", System.getenv("PATH")))
                .timeout(Duration.ofSeconds(2))
                .build();

        ProcessFailedException error = assertThrows(ProcessFailedException.class, () -> runner.run(request));

        assertTrue(error.getMessage().contains("timed out after 2 s"), error.getMessage());
        assertTrue(error.getMessage().contains(hang.toString()), error.getMessage());
        long grandchild = Long.parseLong(Files.readString(pidFile).trim());
        Optional<ProcessHandle> handle = ProcessHandle.of(grandchild);
        handle.ifPresent(h -> h.onExit().join());
        assertFalse(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false),
                "the grandchild " + grandchild + " must be killed with the tree");
    }

    @Test
    void crashReportsExitCodeAndTail() {
        Path crash = TestSupport.fakeExecutable(temp, "crash", "echo line-one\necho 'panic: boom' >&2\nexit 3");
        ProcessRequest request = ProcessRequest.builder(crash, temp).timeout(Duration.ofSeconds(30)).build();

        ProcessFailedException error = assertThrows(ProcessFailedException.class, () -> runner.runChecked(request, null));

        assertEquals(3, error.exitCode());
        assertTrue(error.getMessage().contains("exit code: 3"), error.getMessage());
        assertTrue(error.getMessage().contains("panic: boom"), error.getMessage());
        assertTrue(error.getMessage().contains("directory: " + temp), error.getMessage());
    }

    @Test
    void chattyChildDoesNotBlock() {
        // 8 MiB on stderr and 2 MiB on stdout: far above any pipe buffer.
        Path chatty = TestSupport.fakeExecutable(temp, "chatty",
                "head -c 8388608 /dev/zero | tr '\\0' 'e' >&2\nhead -c 2097152 /dev/zero | tr '\\0' 'o'");
        ProcessRequest request = ProcessRequest.builder(chatty, temp)
                .environment(Map.of("PATH", System.getenv("PATH")))
                .timeout(Duration.ofSeconds(60))
                .build();

        ProcessResult result = runner.run(request);

        assertEquals(0, result.exitCode());
        assertEquals(ProcessRunner.MAX_STDOUT_BYTES, result.stdout().length());
        assertTrue(result.stderrTail().length() <= 64 * 1024);
    }

    @Test
    void missingExecutableFailsToStart() {
        ProcessRequest request = ProcessRequest.builder(temp.resolve("no-such-program"), temp)
                .timeout(Duration.ofSeconds(5))
                .build();
        ProcessFailedException error = assertThrows(ProcessFailedException.class, () -> runner.run(request));
        assertTrue(error.getMessage().contains("could not be started"), error.getMessage());
        assertTrue(error.getMessage().contains("no-such-program"), error.getMessage());
    }

    @Test
    void argumentsArePassedUnsplit() {
        Path echo = TestSupport.fakeExecutable(temp, "args", "for a in \"$@\"; do echo \"[$a]\"; done");
        ProcessRequest request = ProcessRequest.builder(echo, temp)
                .argument("two words")
                .argument("$HOME;rm -rf /")
                .argument("")
                .timeout(Duration.ofSeconds(5))
                .build();
        ProcessResult result = runner.runChecked(request, "[two words]\n[$HOME;rm -rf /]\n[]\n");
        assertEquals(0, result.exitCode());
    }

    @Test
    void environmentIsExactlyTheRequested() {
        Path env = TestSupport.fakeExecutable(temp, "env", "echo \"HOME=${HOME-unset} ONLY=$ONLY\"");
        ProcessRequest request = ProcessRequest.builder(env, temp)
                .environment(Map.of("ONLY", "this"))
                .timeout(Duration.ofSeconds(5))
                .build();
        runner.runChecked(request, "HOME=unset ONLY=this\n");
    }

    @Test
    void outputLogReceivesEverything() throws Exception {
        Path both = TestSupport.fakeExecutable(temp, "both", "echo out\necho err >&2");
        Path log = temp.resolve("logs/child.log");
        ProcessRequest request = ProcessRequest.builder(both, temp)
                .timeout(Duration.ofSeconds(5))
                .outputLog(log)
                .build();
        runner.runChecked(request, "out\n");
        String logged = Files.readString(log);
        assertTrue(logged.contains("out"), logged);
        assertTrue(logged.contains("err"), logged);
    }
}
