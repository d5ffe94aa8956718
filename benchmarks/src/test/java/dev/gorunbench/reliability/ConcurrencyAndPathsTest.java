package dev.gorunbench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.Checkouts;
import dev.gorunbench.TestSupport;
import dev.gorunbench.exec.ProcessRunner;
import dev.gorunbench.fixture.Fixture;
import dev.gorunbench.fixture.FixtureSpec;
import dev.gorunbench.fixture.Workspace;
import dev.gorunbench.results.ResultsFile;
import dev.gorunbench.toolchain.GoCommand;
import dev.gorunbench.toolchain.GoDiscovery;
import dev.gorunbench.toolchain.GoEnvironment;
import dev.gorunbench.toolchain.GoToolchain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths with spaces and non-ASCII characters for the project, the work directory and the Go binary, and
 * two suite runs at the same time on one checkout.
 */
class ConcurrencyAndPathsTest {
    @TempDir
    Path temp;

    private Path odd;
    private Path goroot;

    @BeforeEach
    void oddPaths() throws Exception {
        assumeTrue(System.getProperty("sun.jnu.encoding", "").equalsIgnoreCase("UTF-8"),
                "file names with non-ASCII characters need a UTF-8 locale (LANG=C.UTF-8); this JVM has "
                        + System.getProperty("sun.jnu.encoding"));
        odd = Files.createDirectories(temp.resolve("x y").resolve("ü $(dir)"));
        // The go command finds GOROOT from its own path, so link the whole installation, not bin/go alone.
        Path realRoot = TestSupport.go(temp.resolve("probe")).executable().toRealPath(LinkOption.NOFOLLOW_LINKS)
                .getParent().getParent();
        goroot = Files.createSymbolicLink(odd.resolve("ü go"), realRoot);
    }

    @Test
    void goRunUnderOddPaths() throws Exception {
        GoToolchain go = new GoDiscovery(new ProcessRunner()).discover(goroot.resolve("bin/go").toString(),
                System.getenv(), odd.resolve("probe ö"));
        GoEnvironment environment = GoEnvironment.create(odd.resolve("env ö"), System.getenv());
        FixtureSpec spec = FixtureSpec.load(TestSupport.fixtures(), Fixture.HELLO);
        Workspace workspace = Workspace.create(spec, odd.resolve("src ö"));

        new GoCommand(go, new ProcessRunner(), Duration.ofMinutes(5))
                .run(workspace.project(), environment, List.of(), spec.expectedStdout());

        assertTrue(go.executable().toString().contains("ü go"), go.executable().toString());
    }

    @Test
    void twoRunsAtOnce() throws Exception {
        Path root = Checkouts.copy(odd.resolve("check out"));
        for (Fixture fixture : Fixture.values()) {
            Checkouts.replaceFixture(root, fixture, Checkouts.HELLO_COPY);
        }
        Path workRoot = Files.createDirectories(odd.resolve("wörk root"));
        List<String> args = List.of("run", "--profile=smoke", "--include=ExecBinaryBenchmark",
                "--go=" + goroot.resolve("bin/go"), "--root=" + root, "--work-root=" + workRoot);

        List<Process> runs = new ArrayList<>();
        List<Path> logs = List.of(temp.resolve("first.log"), temp.resolve("second.log"));
        for (Path log : logs) {
            runs.add(Checkouts.startCli(log, args));
        }
        for (int i = 0; i < runs.size(); i++) {
            assertTrue(runs.get(i).waitFor(15, TimeUnit.MINUTES), "run " + i + " ends");
            assertEquals(0, runs.get(i).exitValue(), Files.readString(logs.get(i), StandardCharsets.UTF_8));
        }

        List<Path> runFiles;
        try (Stream<Path> files = Files.list(root.resolve("results"))) {
            runFiles = files.filter(f -> f.getFileName().toString().matches("run-.*\\.json")).sorted().toList();
        }
        assertEquals(2, runFiles.size(), "each run keeps its own results file: " + runFiles);
        ObjectNode first = ResultsFile.read(runFiles.get(0));
        ObjectNode second = ResultsFile.read(runFiles.get(1));
        assertEquals(3, first.path("benchmarks").size());
        assertEquals(3, second.path("benchmarks").size());
        String firstCache = first.path("environment").path("go").path("env").path("GOCACHE").asText();
        String secondCache = second.path("environment").path("go").path("env").path("GOCACHE").asText();
        assertNotEquals(firstCache, secondCache, "each run has its own work directory and build cache");
        assertTrue(firstCache.startsWith(workRoot.toString()), firstCache);
        ResultsFile.read(root.resolve("results/latest.json"));
        try (Stream<Path> left = Files.list(workRoot)) {
            assertEquals(List.of(), left.toList(), "both work directories are removed");
        }
    }
}
