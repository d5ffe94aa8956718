package dev.gorunbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gorunbench.TestSupport;
import dev.gorunbench.exec.ProcessResult;
import dev.gorunbench.fixture.Fixture;
import dev.gorunbench.fixture.FixtureSpec;
import dev.gorunbench.fixture.Workspace;
import dev.gorunbench.toolchain.GoCommand;
import dev.gorunbench.toolchain.GoEnvironment;
import dev.gorunbench.exec.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The states of the benchmarks that run programs from a temp location, with the real go on the hello
 * fixture. A build cache with hello's standard library packages is built once and used as the seed cache,
 * as the suite runner does, so each trial setup stays short.
 */
class TempLocationProgramsTest {
    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    @BeforeAll
    static void buildSeedCache() {
        GoEnvironment environment = GoEnvironment.create(shared.resolve("seed-env"), System.getenv());
        GoCommand go = new GoCommand(TestSupport.go(shared.resolve("probe")), new ProcessRunner(), Duration.ofMinutes(5));
        Workspace workspace = Workspace.create(FixtureSpec.load(TestSupport.fixtures(), Fixture.HELLO), shared.resolve("src"));
        go.build(workspace.project(), environment, List.of(), shared.resolve(GoCommand.executableFileName("seed-hello")));
        System.setProperty("bench.seedCache", environment.buildCache().toString());
    }

    @AfterAll
    static void clearProperties() {
        System.clearProperty("bench.seedCache");
        System.clearProperty("bench.workDir");
    }

    @Test
    void freshAndReusedProgramsRunAndCleanUp() throws Exception {
        Path work = Files.createDirectory(temp.resolve("work"));
        Path location = Files.createDirectory(temp.resolve("location"));
        System.setProperty("bench.workDir", work.toString());
        FreshExecutableBenchmark benchmark = new FreshExecutableBenchmark();
        FreshExecutableBenchmark.ProgramInLocation state = new FreshExecutableBenchmark.ProgramInLocation();
        state.fixture = "hello";
        state.location = location.toString();
        state.setUpTrial();

        state.chooseFreshPath();
        ProcessCounters counters = new ProcessCounters();
        FreshExecutableBenchmark.CopyCounter copy = new FreshExecutableBenchmark.CopyCounter();
        ProcessResult fresh = benchmark.freshExecutable(state, counters, copy);
        assertEquals(0, fresh.exitCode());
        assertTrue(copy.copyMs > 0, "copyMs=" + copy.copyMs);
        state.deleteFreshCopy();
        ProcessResult reused = benchmark.reusedExecutable(state, counters);
        assertEquals(0, reused.exitCode());

        state.closeLocation();
        state.tearDownTrial();
        TempTreeBenchmarkTest.assertEmpty(location);
        TempTreeBenchmarkTest.assertEmpty(work);
    }

    @Test
    void goRunUsesLocationAndCountsWorkDirectory() throws Exception {
        Path work = Files.createDirectory(temp.resolve("work"));
        Path location = Files.createDirectory(temp.resolve("location"));
        System.setProperty("bench.workDir", work.toString());
        GoRunTmpdirBenchmark.ProjectInLocation state = new GoRunTmpdirBenchmark.ProjectInLocation();
        state.fixture = "hello";
        state.location = location.toString();
        state.setUpTrial();

        assertTrue(state.environment.get("GOTMPDIR").startsWith(location.toString()), state.environment.get("GOTMPDIR"));
        assertEquals(state.environment.get("GOTMPDIR"), state.environment.get(TestSupport.isWindows() ? "TMP" : "TMPDIR"));
        assertTrue(state.workUsage.files() > 0, state.workUsage.toString());
        assertTrue(state.workUsage.directories() > 0, state.workUsage.toString());
        assertTrue(state.workUsage.bytes() > 0, state.workUsage.toString());

        state.editAll();
        GoRunTmpdirBenchmark.WorkCounters counters = new GoRunTmpdirBenchmark.WorkCounters();
        ProcessResult result = new GoRunTmpdirBenchmark().goRunTmpdir(state, new ProcessCounters(), counters);
        assertEquals(0, result.exitCode());
        assertEquals(state.workUsage.files(), (long) counters.workFiles);

        state.closeLocation();
        state.tearDownTrial();
        TempTreeBenchmarkTest.assertEmpty(location);
        TempTreeBenchmarkTest.assertEmpty(work);
    }

    @Test
    void workLineIsParsed() {
        assertEquals(Path.of("/tmp/go-build123"),
                GoRunTmpdirBenchmark.ProjectInLocation.workDirectory("WORK=/tmp/go-build123\n"));
        assertThrows(IllegalStateException.class, () -> GoRunTmpdirBenchmark.ProjectInLocation.workDirectory("hello\n"));
    }

    @Test
    void missingLocationFailsTrialSetup() throws Exception {
        Path work = Files.createDirectory(temp.resolve("work"));
        System.setProperty("bench.workDir", work.toString());
        GoRunTmpdirBenchmark.ProjectInLocation state = new GoRunTmpdirBenchmark.ProjectInLocation();
        state.fixture = "hello";
        state.location = temp.resolve("absent").toString();

        IllegalStateException error = assertThrows(IllegalStateException.class, state::setUpTrial);
        assertTrue(error.getMessage().contains("missing"), error.getMessage());
        state.tearDownTrial();
        assertFalse(Files.exists(temp.resolve("absent")));
        TempTreeBenchmarkTest.assertEmpty(work);
    }
}
