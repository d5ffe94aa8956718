package dev.gorunbench.bench;

import dev.gorunbench.exec.ProcessResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code go build -o BIN .} on each fixture: the build-once half of "build once, then exec the binary".
 * Shaped like {@link GoRunBenchmark}: one call per sample, edits made untimed, exit code checked.
 *
 * <p>Run alone: {@code java -jar benchmarks/target/benchmarks.jar GoBuildBenchmark -p fixture=hello}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class GoBuildBenchmark {

    /** Standard library cached, every Go file of the fixture changed before each call. */
    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 10)
    public ProcessResult goBuildColdProject(GoRunBenchmark.AllFilesEdited state, ProcessCounters counters) {
        return counters.record(state.goBuild());
    }

    /** Nothing changed: the go command checks the cache and rewrites the output file. */
    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 20)
    public ProcessResult goBuildWarm(ProjectState state, ProcessCounters counters) {
        return counters.record(state.goBuild());
    }
}
