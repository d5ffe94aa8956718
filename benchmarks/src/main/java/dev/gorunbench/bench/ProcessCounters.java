package dev.gorunbench.bench;

import dev.gorunbench.exec.ProcessResult;
import dev.gorunbench.exec.ResourceUsage;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Secondary metrics recorded beside the wall time of each measured command, kept by JMH in the results
 * as {@code secondaryMetrics} with their raw samples. JMH's primary metric is its own clock around the
 * benchmark method, so it includes the JVM's cost of starting the process; {@code wallMs} is the
 * command's own wall time as the runner measured it (see {@link ResourceUsage.Clock}).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class ProcessCounters {
    /** User plus system CPU time of the command and its children, in milliseconds; -1 where not reported. */
    public double cpuMs;

    /** The command's wall time in milliseconds: from the timing helper, or the JVM's clock without it. */
    public double wallMs;

    /** User CPU time of the command and its children, in milliseconds; -1 without the timing helper. */
    public double userMs;

    /** System CPU time of the command and its children, in milliseconds; -1 without the timing helper. */
    public double sysMs;

    /** The largest peak resident set size of the command or one of its children, in MiB; -1 without the helper. */
    public double maxRssMiB;

    /** 1 when the timing helper measured the command, 0 when the JVM's clock did. */
    public double helperTimed;

    @Setup(Level.Iteration)
    public void reset() {
        cpuMs = 0;
        wallMs = 0;
        userMs = 0;
        sysMs = 0;
        maxRssMiB = 0;
        helperTimed = 0;
    }

    /** Records {@code result} and returns it, so a benchmark can return the result to JMH. */
    ProcessResult record(ProcessResult result) {
        ResourceUsage usage = result.usage();
        cpuMs = millis(result.cpuNanos());
        wallMs = millis(result.wallNanos());
        userMs = millis(usage.userNanos());
        sysMs = millis(usage.systemNanos());
        maxRssMiB = usage.maxRssBytes() < 0 ? -1 : usage.maxRssBytes() / (1024.0 * 1024.0);
        helperTimed = usage.clock() == ResourceUsage.Clock.TIMING_HELPER ? 1 : 0;
        return result;
    }

    private static double millis(long nanos) {
        return nanos < 0 ? -1 : nanos / 1e6;
    }
}
