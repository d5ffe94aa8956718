package dev.gorunbench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gorunbench.Checkouts;
import dev.gorunbench.Checkouts.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A temp root that cannot hold a run, made for real with a tmpfs mount: {@code Cli run --work-root} stops
 * before any go command with exit 2, the path and the fix.
 */
class TempRootFaultTest {
    @TempDir
    Path temp;

    private Path root;
    private Path mounted;

    @BeforeEach
    void checkout() throws Exception {
        root = Checkouts.copy(temp.resolve("checkout"));
        mounted = temp.resolve("mnt");
    }

    @AfterEach
    void unmount() throws Exception {
        Checkouts.unmount(mounted);
    }

    @Test
    void noexecRoot() throws Exception {
        Checkouts.mountTmpfs(mounted, "size=2g,noexec");
        CliResult result = run(mounted);
        assertRejected(result, "mounted noexec");
        assertTrue(result.err().contains("without noexec"), result.toString());
    }

    @Test
    void readOnlyRoot() throws Exception {
        Checkouts.mountTmpfs(mounted, "size=2g,ro");
        CliResult result = run(mounted);
        assertRejected(result, "Read-only file system");
    }

    @Test
    void fullRoot() throws Exception {
        Checkouts.mountTmpfs(mounted, "size=2M");
        CliResult result = run(mounted);
        assertRejected(result, "MiB free");
    }

    @Test
    void rootIsAFile() throws Exception {
        Path file = Files.writeString(temp.resolve("a file"), "x");
        CliResult result = run(file);
        assertRejected(result, file.toString());
    }

    private CliResult run(Path workRoot) {
        return Checkouts.runInProcess("run", "--profile=smoke", "--root=" + root, "--work-root=" + workRoot);
    }

    private void assertRejected(CliResult result, String problem) throws Exception {
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.err().contains(problem), result.toString());
        assertTrue(result.err().contains("--work-root=PATH"), "the message names the fix: " + result);
        assertFalse(result.err().contains("Exception"), "no stack trace: " + result);
        assertFalse(result.out().contains("Checking the Go toolchain"), "stops before any go command: " + result);
        if (Files.isDirectory(mounted)) {
            try (Stream<Path> left = Files.list(mounted)) {
                assertEquals(List.of(), left.toList(), "nothing is left in the temp root");
            }
        }
    }
}
