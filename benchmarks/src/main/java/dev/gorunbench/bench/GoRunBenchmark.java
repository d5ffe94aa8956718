package dev.gorunbench.bench;

import dev.gorunbench.exec.ProcessResult;
import dev.gorunbench.workdir.Trees;
import dev.gorunbench.workdir.WorkDirectory;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code go run .} on each fixture, from a cold build cache to nothing changed.
 *
 * <p>Every call is one {@code go run} of well over a millisecond, so each is its own sample:
 * SingleShotTime, one call per iteration. The change that makes a call cold or incremental (a fresh
 * cache, edited files) is made in an iteration-level setup, outside the timed region. Every call checks
 * exit code 0 and the fixture's expected stdout; a failure stops the benchmark with the command,
 * directory, exit code and last lines of output and is never recorded as a sample.
 *
 * <p>Run alone: {@code java -jar benchmarks/target/benchmarks.jar GoRunBenchmark -p fixture=hello}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class GoRunBenchmark {

    /**
     * Measures {@code go run} with an empty build cache before every call, so the standard library is
     * compiled too: what a first {@code go run} on a new machine or in a clean CI job costs. Cold work
     * has no steady state, so there is no warm-up.
     */
    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 10)
    public ProcessResult goRunCold(EmptyCache state, ProcessCounters counters) {
        return counters.record(state.goRun());
    }

    /**
     * Standard library cached, every Go file of the fixture changed: the first build of a project on a
     * machine that has built Go before.
     */
    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 10)
    public ProcessResult goRunColdProject(AllFilesEdited state, ProcessCounters counters) {
        return counters.record(state.goRun());
    }

    /** Measures {@code go run} after one leaf file changed: the edit-run loop of daily work. */
    @Benchmark
    @Warmup(iterations = 2)
    @Measurement(iterations = 15)
    public ProcessResult goRunIncremental(LeafFileEdited state, ProcessCounters counters) {
        return counters.record(state.goRun());
    }

    /** Nothing changed since the previous call; from Go 1.24 on, the linked executable is cached too. */
    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 20)
    public ProcessResult goRunWarm(ProjectState state, ProcessCounters counters) {
        return counters.record(state.goRun());
    }

    /** A fresh, empty GOCACHE before every iteration; the previous one is deleted first, untimed. */
    public static class EmptyCache extends ProjectState {
        private Path cache;

        @Setup(Level.Iteration)
        public void emptyCache() {
            if (cache != null) {
                Trees.deleteRecursivelyUnchecked(cache);
            }
            cache = WorkDirectory.createChild(trialDir, "gocache-");
            environment = environment.withBuildCache(cache);
        }
    }

    /** Every Go file of the fixture edited before every iteration. */
    public static class AllFilesEdited extends ProjectState {
        @Setup(Level.Iteration)
        public void editAll() {
            workspace.editAllGoFiles(uniqueMarker());
        }
    }

    /** The fixture's leaf file edited before every iteration. */
    public static class LeafFileEdited extends ProjectState {
        @Setup(Level.Iteration)
        public void editLeaf() {
            workspace.editLeafFile(uniqueMarker());
        }
    }
}
