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
 * The fixture's binary, built once untimed, run directly: the floor every {@code go run} pays on top
 * of. The number includes the JVM's cost of starting and reaping a process, as every other scenario's
 * does, so ratios against it compare like with like.
 *
 * <p>Run alone: {@code java -jar benchmarks/target/benchmarks.jar ExecBinaryBenchmark -p fixture=hello}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class ExecBinaryBenchmark {

    @Benchmark
    @Warmup(iterations = 5)
    @Measurement(iterations = 30)
    public ProcessResult execBinary(BuiltBinary state, ProcessCounters counters) {
        return counters.record(state.execBinary());
    }

    /** The fixture built once with {@code go build} before the trial. */
    public static class BuiltBinary extends ProjectState {
        @Override
        protected void prepareTrial() {
            goBuild();
        }
    }
}
