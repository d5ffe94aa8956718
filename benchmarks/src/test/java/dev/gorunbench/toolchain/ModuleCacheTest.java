package dev.gorunbench.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gorunbench.TestSupport;
import dev.gorunbench.exec.ProcessRunner;
import dev.gorunbench.fixture.ModuleProxy;
import dev.gorunbench.workdir.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Emptying a module cache whose extracted files are read-only. */
class ModuleCacheTest {
    @TempDir
    Path temp;

    @Test
    void cleanRemovesReadOnlyModules() throws IOException {
        GoCommand go = new GoCommand(TestSupport.go(temp.resolve("probe")), new ProcessRunner(), Duration.ofMinutes(5));
        Path cache = download(go);
        Path file = cache.resolve("example.com/gorunbench/units@v1.1.0/units.go");
        assumeTrue(!TestSupport.isWindows(), "POSIX permissions");
        assertFalse(Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE),
                "the go command extracts modules read-only");

        ModuleCache.clean(go, environment);

        assertTrue(Files.isDirectory(cache));
        assertEquals(List.of(), list(cache));
    }

    @Test
    void cleanSurvivesFailingGo() throws IOException {
        GoCommand real = new GoCommand(TestSupport.go(temp.resolve("probe")), new ProcessRunner(), Duration.ofMinutes(5));
        Path cache = download(real);
        Path fake = TestSupport.fakeExecutable(temp, "go", "echo broken >&2; exit 3");
        GoCommand failing = new GoCommand(new GoToolchain(fake, real.toolchain().version(), "fake"), new ProcessRunner(),
                Duration.ofMinutes(1));

        ModuleCache.clean(failing, environment);

        assertEquals(List.of(), list(cache));
    }

    @Test
    void cleanOfMissingCacheCreatesIt() {
        GoEnvironment fresh = GoEnvironment.create(temp.resolve("fresh"), System.getenv());
        Path cache = Path.of(fresh.get("GOMODCACHE"));
        Trees.deleteRecursivelyUnchecked(cache);
        GoCommand go = new GoCommand(TestSupport.go(temp.resolve("probe")), new ProcessRunner(), Duration.ofMinutes(1));

        ModuleCache.clean(go, fresh);

        assertTrue(Files.isDirectory(cache));
    }

    private GoEnvironment environment;

    private Path download(GoCommand go) throws IOException {
        ModuleProxy proxy = ModuleProxy.build(TestSupport.fixtures().resolve("modules-src"), temp.resolve("proxy"));
        environment = GoEnvironment.create(temp.resolve("env"), System.getenv()).with("GOPROXY", proxy.goproxy());
        Path project = temp.resolve("modules");
        Trees.copy(TestSupport.fixtures().resolve("modules"), project);
        go.invoke(project, environment, List.of("mod", "download"));
        Path cache = Path.of(environment.get("GOMODCACHE"));
        assertFalse(list(cache).isEmpty(), "the download filled the module cache");
        return cache;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        }
    }
}
