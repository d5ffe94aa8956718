package dev.gorunbench.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gorunbench.TestSupport;
import dev.gorunbench.exec.ProcessRunner;
import dev.gorunbench.fixture.Fixture;
import dev.gorunbench.fixture.FixtureSpec;
import dev.gorunbench.fixture.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's Go settings and caches never reach a measured command. */
class IsolationTest {
    @TempDir
    Path temp;

    @Test
    void userCachesAndSettingsAreIgnored() throws Exception {
        Path userCache = Files.createDirectories(temp.resolve("user-gocache"));
        Path userGopath = Files.createDirectories(temp.resolve("user-gopath"));
        Files.writeString(userCache.resolve("sentinel"), "untouched");
        Files.writeString(userGopath.resolve("sentinel"), "untouched");
        Path userEnvFile = temp.resolve("user-go.env");
        Files.writeString(userEnvFile, "GOFLAGS=-toolexec=/nonexistent/tool\n");
        Map<String, String> before = snapshot(userCache, userGopath);

        Map<String, String> userEnvironment = new HashMap<>(System.getenv());
        userEnvironment.put("GOCACHE", userCache.toString());
        userEnvironment.put("GOPATH", userGopath.toString());
        userEnvironment.put("GOMODCACHE", userGopath.resolve("pkg/mod").toString());
        userEnvironment.put("GOFLAGS", "-toolexec=/nonexistent/tool");
        userEnvironment.put("GOENV", userEnvFile.toString());
        userEnvironment.put("GOTOOLCHAIN", "go1.99.0");
        userEnvironment.put("GOPROXY", "http://127.0.0.1:9/unreachable");

        GoEnvironment environment = GoEnvironment.create(temp.resolve("isolated"), userEnvironment);
        GoCommand go = new GoCommand(TestSupport.go(temp.resolve("probe")), new ProcessRunner(), Duration.ofMinutes(5));
        FixtureSpec spec = FixtureSpec.load(TestSupport.fixtures(), Fixture.HELLO);
        Workspace workspace = Workspace.create(spec, temp.resolve("src"));
        go.run(workspace.project(), environment, List.of(), spec.expectedStdout());

        assertEquals(before, snapshot(userCache, userGopath), "the user's GOCACHE and GOPATH must stay as they were");
        assertEquals("", environment.get("GOFLAGS"));
        assertEquals("off", environment.get("GOENV"));
        assertEquals("local", environment.get("GOTOOLCHAIN"));
        assertEquals("off", environment.get("GOPROXY"));
        assertTrue(environment.buildCache().startsWith(temp.resolve("isolated")));
        try (Stream<Path> files = Files.list(environment.buildCache())) {
            assertTrue(files.count() > 2, "the isolated GOCACHE received the build");
        }
    }

    @Test
    void goEnvReportsIsolatedLocations() throws Exception {
        GoEnvironment environment = GoEnvironment.create(temp.resolve("isolated"), System.getenv());
        GoCommand go = new GoCommand(TestSupport.go(temp.resolve("probe")), new ProcessRunner(), Duration.ofMinutes(1));
        String json = go.envJson(temp, environment);
        assertTrue(json.contains(temp.resolve("isolated").resolve("gocache").toString()), json);
        assertTrue(json.contains("\"GOTOOLCHAIN\": \"local\""), json);
    }

    @Test
    void freshCacheHasTrimPostponed() throws Exception {
        GoEnvironment environment = GoEnvironment.create(temp.resolve("isolated"), System.getenv());
        long written = Long.parseLong(Files.readString(environment.buildCache().resolve("trim.txt")).trim());
        long now = System.currentTimeMillis() / 1000;
        assertTrue(Math.abs(now - written) < 60, "trim.txt holds the current Unix time, got " + written);
    }

    private static Map<String, String> snapshot(Path... roots) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : (Iterable<Path>) walk::iterator) {
                    files.put(file.toString(), Files.isDirectory(file) ? "dir"
                            : Files.getLastModifiedTime(file) + " " + Files.readString(file));
                }
            }
        }
        return files;
    }
}
