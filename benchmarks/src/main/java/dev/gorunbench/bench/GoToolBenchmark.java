package dev.gorunbench.bench;

import dev.gorunbench.exec.ProcessResult;
import dev.gorunbench.exec.ProcessRunner;
import dev.gorunbench.fixture.Workspace;
import dev.gorunbench.gotools.GoToolCommands;
import dev.gorunbench.toolchain.GoCommand;
import dev.gorunbench.toolchain.GoDiscovery;
import dev.gorunbench.toolchain.GoEnvironment;
import dev.gorunbench.toolchain.GoToolchain;
import dev.gorunbench.workdir.Trees;
import dev.gorunbench.workdir.WorkDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Go compiler and linker run directly on the {@code multipkg} fixture, without the go command: the
 * two big stages of a Go build, tracked on their own so a regression in either shows up apart from the
 * go command's planning and caching.
 *
 * <p>{@code goToolCompile} compiles one package ({@value #PACKAGE}, four files) to an archive;
 * {@code goToolLink} links the main package into an executable. Their import configs come from
 * {@code go list -deps -export -json}, run once before the trial with the standard library and the
 * fixture already in the build cache. The archive is deleted before each sample and checked after it;
 * the executable is run after each sample and must print the fixture's expected output. Left out: the
 * go command's work around the tools (see {@code GoRunBenchmark} and {@code Cli go-tools}).
 *
 * <p>Run alone: {@code java -jar benchmarks/target/benchmarks.jar GoToolBenchmark}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class GoToolBenchmark {
    static final String PACKAGE = "example.com/logscope/internal/anomaly";

    @Benchmark
    @Warmup(iterations = 2)
    @Measurement(iterations = 10)
    public ProcessResult goToolCompile(MultipkgTools state, ProcessCounters counters) {
        return counters.record(state.runner.runChecked(state.commands.compile(state.archive()), null));
    }

    @Benchmark
    @Warmup(iterations = 2)
    @Measurement(iterations = 10)
    public ProcessResult goToolLink(MultipkgTools state, ProcessCounters counters) {
        return counters.record(state.runner.runChecked(state.commands.link(state.executable()), null));
    }

    /** The multipkg fixture built once, with the import configs of one package and of the main package. */
    @State(Scope.Benchmark)
    public static class MultipkgTools {
        ProcessRunner runner;
        GoToolCommands commands;
        private GoCommand go;
        private GoEnvironment environment;
        private Workspace workspace;
        private Path trialDir;
        private Path ownWorkDir;

        @Setup(Level.Trial)
        public void listPackages() {
            BenchConfig config = BenchConfig.fromSystemProperties();
            Path parent = config.workDir();
            if (parent == null) {
                ownWorkDir = WorkDirectory.create(Path.of(System.getProperty("java.io.tmpdir")));
                parent = ownWorkDir;
            }
            trialDir = WorkDirectory.createChild(parent, "trial-gotool-");
            runner = new ProcessRunner();
            GoToolchain toolchain = new GoDiscovery(runner).discover(config.go(), System.getenv(), trialDir.resolve("probe"));
            go = new GoCommand(toolchain, runner, config.timeout());
            environment = GoEnvironment.create(trialDir.resolve("env"), System.getenv());
            if (config.seedCache() != null) {
                Path cache = trialDir.resolve("seeded-gocache");
                try {
                    Trees.copy(config.seedCache(), cache);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not copy the seed build cache " + config.seedCache() + ": "
                            + e.getMessage(), e);
                }
                environment = environment.withBuildCache(cache);
            }
            workspace = Workspace.create(config.fixture("multipkg"), trialDir.resolve("src"));
            commands = GoToolCommands.prepare(go, workspace.project(), environment, PACKAGE, trialDir, config.timeout());
        }

        Path archive() {
            return trialDir.resolve("anomaly.a");
        }

        Path executable() {
            return trialDir.resolve(GoCommand.executableFileName("logscope"));
        }

        /** Deletes the previous sample's outputs, untimed, so the check after the next one is meaningful. */
        @Setup(Level.Iteration)
        public void deleteOutputs() throws IOException {
            Files.deleteIfExists(archive());
            Files.deleteIfExists(executable());
        }

        /** Checks what the sample wrote: a non-empty archive, or an executable with the expected output. */
        @TearDown(Level.Iteration)
        public void verifyOutputs() throws IOException {
            if (Files.exists(executable())) {
                go.exec(executable(), workspace.project(), environment, workspace.spec().expectedStdout());
            } else if (!Files.isRegularFile(archive()) || Files.size(archive()) == 0) {
                throw new IllegalStateException("The compiler wrote no archive at " + archive() + " (missing or empty).");
            }
        }

        @TearDown(Level.Trial)
        public void deleteTrial() {
            Trees.deleteRecursivelyUnchecked(ownWorkDir != null ? ownWorkDir : trialDir);
        }
    }
}
