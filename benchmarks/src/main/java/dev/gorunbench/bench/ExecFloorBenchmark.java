package dev.gorunbench.bench;

import dev.gorunbench.exec.ProcessRequest;
import dev.gorunbench.exec.ProcessResult;
import dev.gorunbench.exec.ProcessRunner;
import dev.gorunbench.toolchain.GoCommand;
import dev.gorunbench.toolchain.GoDiscovery;
import dev.gorunbench.toolchain.GoEnvironment;
import dev.gorunbench.toolchain.NativeBuild;
import dev.gorunbench.workdir.Trees;
import dev.gorunbench.workdir.WorkDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
 * The calibration floor: a static C program that exits at once ({@code benchmarks/native/exec-floor.c}),
 * run exactly as every other command is run and timed. Its wall time is what starting, running and
 * reaping any process costs here, so every other number can be read against it. Where no C compiler is
 * found, the floor is a Go program that does nothing, which also pays for the Go runtime's start.
 *
 * <p>Left out: building the program (once per run, untimed). The child gets only PATH in its environment.
 *
 * <p>Run alone: {@code java -jar benchmarks/target/benchmarks.jar ExecFloorBenchmark}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class ExecFloorBenchmark {

    @Benchmark
    @Warmup(iterations = 10)
    @Measurement(iterations = 50)
    public ProcessResult execFloor(Floor state, ProcessCounters counters) {
        return counters.record(state.runner.runChecked(state.request, ""));
    }

    /** The built floor program and the runner that times it, set up once per trial. */
    @State(Scope.Benchmark)
    public static class Floor {
        ProcessRunner runner;
        ProcessRequest request;
        private Path trialDir;
        private Path ownWorkDir;

        @Setup(Level.Trial)
        public void setUpTrial() {
            BenchConfig config = BenchConfig.fromSystemProperties();
            Path parent = config.workDir();
            if (parent == null) {
                ownWorkDir = WorkDirectory.create(Path.of(System.getProperty("java.io.tmpdir")));
                parent = ownWorkDir;
            }
            trialDir = WorkDirectory.createChild(parent, "trial-exec-floor-");
            runner = TimingSetup.runner(config, trialDir);
            Path floor = builtFloor(config);
            request = ProcessRequest.builder(floor, trialDir)
                    .environment(Map.of("PATH", System.getenv().getOrDefault("PATH", "")))
                    .timeout(config.timeout())
                    .build();
        }

        @TearDown(Level.Trial)
        public void tearDownTrial() {
            Trees.deleteRecursivelyUnchecked(ownWorkDir != null ? ownWorkDir : trialDir);
        }

        private Path builtFloor(BenchConfig config) {
            String configured = System.getProperty(TimingSetup.FLOOR_PROPERTY, "").trim();
            if (!configured.isEmpty()) {
                Path floor = Path.of(configured);
                if (!Files.isExecutable(floor)) {
                    throw new IllegalStateException(TimingSetup.FLOOR_PROPERTY + "=" + configured
                            + " is not an executable file. Pass the built exec floor, or leave it unset to build it.");
                }
                return floor;
            }
            ProcessRunner plain = new ProcessRunner();
            GoCommand go = new GoCommand(
                    new GoDiscovery(plain).discover(config.go(), System.getenv(), trialDir.resolve("probe")),
                    plain, config.timeout());
            GoEnvironment environment = GoEnvironment.create(trialDir.resolve("env"), System.getenv());
            return NativeBuild.execFloor(plain, config.root(), trialDir.resolve("native"), go, environment)
                    .executable().orElseThrow();
        }
    }
}
