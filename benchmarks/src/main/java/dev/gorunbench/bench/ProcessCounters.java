package dev.gorunbench.bench;

import dev.gorunbench.exec.ProcessResult;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Secondary metrics recorded beside the wall time of each measured command, kept by JMH in the results
 * as {@code secondaryMetrics} with their raw samples.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class ProcessCounters {
    /** User plus system CPU time of the command and its children, in milliseconds; -1 where not reported. */
    public double cpuMs;

    @Setup(Level.Iteration)
    public void reset() {
        cpuMs = 0;
    }

    /** Records {@code result} and returns it, so a benchmark can return the result to JMH. */
    ProcessResult record(ProcessResult result) {
        cpuMs = result.cpuNanos() < 0 ? -1 : result.cpuNanos() / 1e6;
        return result;
    }
}
