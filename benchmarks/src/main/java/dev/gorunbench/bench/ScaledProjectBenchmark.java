package dev.gorunbench.bench;

import dev.gorunbench.exec.ProcessResult;
import dev.gorunbench.fixture.GeneratedProject;
import dev.gorunbench.fixture.ProjectGenerator;
import dev.gorunbench.fixture.ProjectShape;
import dev.gorunbench.toolchain.GoCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Build cost against project size: {@code go build} after every file changed and
 * {@code go run} with nothing changed, on generated modules of 10, 40 and 120 packages (about 600,
 * 2,400 and 7,200 lines; see {@link ProjectShape#scaled}). The generator is seeded, so every run
 * measures the same code. Each sample also records the project's Go files and lines as secondary
 * metrics, so the report can fit cost against size.
 *
 * <p>Left out: the standard library, which is in the build cache before every sample (the suite's seed
 * cache), and cgo, which the bundled {@code cgo} fixture measures. The sizes stop at 120 packages because
 * ten cold builds of a 200-package project take about two minutes on two cores, more than this
 * benchmark's share of the default profile.
 *
 * <p>Run alone: {@code java -jar benchmarks/target/benchmarks.jar ScaledProjectBenchmark -p packages=10}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class ScaledProjectBenchmark {

    /**
     * Every Go file changed before each call, standard library cached. The trial's untimed first build
     * already compiled every package once, so there is no warm-up.
     */
    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 10)
    public ProcessResult goBuildColdProjectScaled(AllFilesEdited state, ProcessCounters counters,
            ProjectSizeCounters size) {
        size.record(state.project);
        return counters.record(state.goBuild());
    }

    /** Nothing changed since the previous call. */
    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 10)
    public ProcessResult goRunWarmScaled(ScaledProject state, ProcessCounters counters, ProjectSizeCounters size) {
        size.record(state.project);
        return counters.record(state.goRun());
    }

    /** A generated project in its own trial directory, built once (untimed) so every package is cached. */
    @State(Scope.Benchmark)
    public static class ScaledProject {
        /** Number of library packages; the smoke profile runs the first value only. */
        @Param({"10", "40", "120"})
        public int packages;

        GeneratedProject project;
        private TrialDirectory trial;
        private long edits;

        @Setup(Level.Trial)
        public void setUpTrial() {
            trial = TrialDirectory.open("scaled-" + packages);
            project = ProjectGenerator.generate(ProjectShape.scaled(packages), trial.directory.resolve("src"));
            goBuild();
            trial.go.exec(binary(), project.directory(), trial.environment, project.expectedStdout());
        }

        @TearDown(Level.Trial)
        public void tearDownTrial() {
            trial.close();
        }

        /** Returns a marker no earlier edit of this trial used. */
        String uniqueMarker() {
            return ProcessHandle.current().pid() + "-" + (++edits) + "-" + System.nanoTime();
        }

        ProcessResult goRun() {
            return trial.go.run(project.directory(), trial.environment, List.of(), project.expectedStdout());
        }

        ProcessResult goBuild() {
            return trial.go.build(project.directory(), trial.environment, List.of(), binary());
        }

        private Path binary() {
            return trial.directory.resolve(GoCommand.executableFileName("scaled-bin"));
        }
    }

    /** Every Go file of the generated project edited before every iteration. */
    public static class AllFilesEdited extends ScaledProject {
        @Setup(Level.Iteration)
        public void editAll() {
            project.editAllGoFiles(uniqueMarker());
        }
    }
}
