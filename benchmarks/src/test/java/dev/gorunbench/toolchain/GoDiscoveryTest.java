package dev.gorunbench.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gorunbench.TestSupport;
import dev.gorunbench.exec.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoDiscoveryTest {
    private final GoDiscovery discovery = new GoDiscovery(new ProcessRunner());

    @TempDir
    Path temp;

    @Test
    void findsRealGoOnPath() {
        GoToolchain go = discovery.discover("", System.getenv(), temp.resolve("probe"));
        assertTrue(go.version().compareTo(GoVersion.MINIMUM) >= 0, go.versionLine());
        assertTrue(Files.isExecutable(go.executable()));
        assertTrue(go.versionLine().startsWith("go version go"), go.versionLine());
    }

    @Test
    void acceptsGorootDirectory() throws Exception {
        GoToolchain onPath = discovery.discover("", System.getenv(), temp.resolve("probe1"));
        Path goroot = onPath.executable().toRealPath(java.nio.file.LinkOption.NOFOLLOW_LINKS).getParent().getParent();
        GoToolchain fromRoot = discovery.discover(goroot.toString(), System.getenv(), temp.resolve("probe2"));
        assertEquals(onPath.version(), fromRoot.version());
    }

    @Test
    void missingGoOnPathNamesWhatWasTried() {
        Path empty = temp.resolve("empty-bin");
        ToolchainException error = assertThrows(ToolchainException.class,
                () -> discovery.discover("", Map.of("PATH", empty.toString()), temp.resolve("probe")));
        assertTrue(error.getMessage().contains("Go was not found"), error.getMessage());
        assertTrue(error.getMessage().contains(empty.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("-Dbench.go"), error.getMessage());
    }

    @Test
    void missingConfiguredPathIsNamed() {
        Path nowhere = temp.resolve("no-such-go");
        ToolchainException error = assertThrows(ToolchainException.class,
                () -> discovery.discover(nowhere.toString(), System.getenv(), temp.resolve("probe")));
        assertTrue(error.getMessage().contains(nowhere.toString()), error.getMessage());
    }

    @Test
    void notExecutableIsRejected() throws Exception {
        Path file = Files.writeString(temp.resolve("go"), "not a program");
        ToolchainException error = assertThrows(ToolchainException.class,
                () -> discovery.discover(file.toString(), System.getenv(), temp.resolve("probe")));
        assertTrue(error.getMessage().contains("not an executable"), error.getMessage());
    }

    @Test
    void garbageVersionOutputIsRejected() {
        Path fake = TestSupport.fakeExecutable(temp, "go", "echo 'Segmentation fault (core dumped) ###'");
        ToolchainException error = assertThrows(ToolchainException.class,
                () -> discovery.discover(fake.toString(), System.getenv(), temp.resolve("probe")));
        assertTrue(error.getMessage().contains("not a Go version line"), error.getMessage());
        assertTrue(error.getMessage().contains("Segmentation fault"), error.getMessage());
    }

    @Test
    void tooOldGoIsRejected() {
        Path fake = TestSupport.fakeExecutable(temp, "go", "echo 'go version go1.10.8 linux/amd64'");
        ToolchainException error = assertThrows(ToolchainException.class,
                () -> discovery.discover(fake.toString(), System.getenv(), temp.resolve("probe")));
        assertTrue(error.getMessage().contains("go1.10.8"), error.getMessage());
        assertTrue(error.getMessage().contains("older than the minimum go1.18"), error.getMessage());
    }

    @Test
    void crashingGoReportsExitCode() {
        Path fake = TestSupport.fakeExecutable(temp, "go", "echo 'fatal error: unexpected signal' >&2; exit 2");
        ToolchainException error = assertThrows(ToolchainException.class,
                () -> discovery.discover(fake.toString(), System.getenv(), temp.resolve("probe")));
        assertTrue(error.getMessage().contains("exited with code 2"), error.getMessage());
        assertTrue(error.getMessage().contains("unexpected signal"), error.getMessage());
    }
}
