package dev.gorunbench.bench;

import dev.gorunbench.exec.ProcessResult;
import dev.gorunbench.exec.ProcessRunner;
import dev.gorunbench.fixture.Fixture;
import dev.gorunbench.fixture.Workspace;
import dev.gorunbench.toolchain.GoCommand;
import dev.gorunbench.toolchain.GoDiscovery;
import dev.gorunbench.toolchain.GoEnvironment;
import dev.gorunbench.toolchain.GoToolchain;
import dev.gorunbench.workdir.Trees;
import dev.gorunbench.workdir.WorkDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A fixture copied into a private directory with its own isolated Go environment, built once so the
 * standard library and the fixture's packages are in the build cache. Subclasses add the per-iteration
 * change that makes a scenario cold, incremental or warm.
 */
@State(Scope.Benchmark)
public class ProjectState {
    private static final AtomicLong EDITS = new AtomicLong();

    @Param({"hello", "multipkg", "cgo"})
    public String fixture;

    protected BenchConfig config;
    protected GoCommand go;
    protected GoEnvironment environment;
    protected Workspace workspace;
    protected Path trialDir;
    private Path ownWorkDir;
    private Variant variant;

    @Setup(Level.Trial)
    public void setUpTrial() {
        config = BenchConfig.fromSystemProperties();
        // The parameter becomes part of directory names below: reject anything but a bundled fixture's
        // name (a path, "..", shell metacharacters) before any path is built from it.
        Fixture.fromId(fixture);
        Path parent = config.workDir();
        if (parent == null) {
            ownWorkDir = WorkDirectory.create(Path.of(System.getProperty("java.io.tmpdir")));
            parent = ownWorkDir;
        }
        trialDir = WorkDirectory.createChild(parent, "trial-" + fixture + "-");
        ProcessRunner runner = TimingSetup.runner(config, trialDir);
        GoToolchain toolchain = new GoDiscovery(runner).discover(config.go(), System.getenv(), trialDir.resolve("probe"));
        go = new GoCommand(toolchain, runner, config.timeout());
        environment = GoEnvironment.create(trialDir.resolve("env"), System.getenv());
        if (config.seedCache() != null) {
            environment = environment.withBuildCache(copySeedCache(config.seedCache()));
        }
        variant = Variant.fromSystemProperties();
        environment = variant.apply(environment);
        workspace = Workspace.create(config.fixture(fixture), trialDir.resolve("src"));
        go.build(workspace.project(), environment, List.of(), trialDir.resolve(GoCommand.executableFileName("prebuilt")));
        prepareTrial();
    }

    /**
     * Runs after the common trial setup; scenarios override it for their own untimed preparation. JMH does
     * not order two trial-level setups of one state hierarchy, so subclasses use this hook instead.
     */
    protected void prepareTrial() {
    }

    @TearDown(Level.Trial)
    public void tearDownTrial() {
        if (variant != null) {
            variant.cleanUp();
        }
        Trees.deleteRecursivelyUnchecked(ownWorkDir != null ? ownWorkDir : trialDir);
    }

    private Path copySeedCache(Path seed) {
        Path cache = trialDir.resolve("seeded-gocache");
        try {
            Trees.copy(seed, cache);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the seed build cache " + seed + " to " + cache + ": "
                    + e.getMessage(), e);
        }
        return cache;
    }

    /** Returns a marker no earlier edit in this JVM used. */
    protected static String uniqueMarker() {
        return ProcessHandle.current().pid() + "-" + EDITS.incrementAndGet() + "-" + System.nanoTime();
    }

    /** Runs {@code go run .} in the workspace and checks its output. */
    public ProcessResult goRun() {
        return go.run(workspace.project(), environment, List.of(), workspace.spec().expectedStdout());
    }

    /** Runs {@code go build -o BIN .} in the workspace. */
    public ProcessResult goBuild() {
        return go.build(workspace.project(), environment, List.of(), binary());
    }

    /** Runs the binary {@link #goBuild()} wrote and checks its output. */
    public ProcessResult execBinary() {
        return go.exec(binary(), workspace.project(), environment, workspace.spec().expectedStdout());
    }

    protected Path binary() {
        return trialDir.resolve(GoCommand.executableFileName("fixture-bin"));
    }
}
