package dev.gorunbench.exec;

import java.util.Objects;

/**
 * The outcome of one finished command.
 *
 * @param exitCode the child's exit code
 * @param wallNanos wall-clock time of the command: measured by the native timing helper from just before
 *     the child is spawned to just after it was reaped, or, where the helper is not used, by the JVM from
 *     just before commons-exec starts it to just after the exit was seen ({@link ResourceUsage#clock()})
 * @param cpuNanos user plus system CPU time of the child and the children it waited for, or -1 where
 *     the operating system does not report it (see {@link ChildCpuClock})
 * @param stdout everything the child wrote to stdout, cut at {@link ProcessRunner#MAX_STDOUT_BYTES}
 * @param stderrTail the last lines the child wrote to stderr
 * @param usage the clock behind {@code wallNanos}, the JVM-side wall time, the CPU split and peak memory
 */
public record ProcessResult(int exitCode, long wallNanos, long cpuNanos, String stdout, String stderrTail,
        ResourceUsage usage) {

    public ProcessResult {
        Objects.requireNonNull(usage, "usage");
    }

    /** Creates a result timed by the JVM only, with no CPU split and no peak memory. */
    public ProcessResult(int exitCode, long wallNanos, long cpuNanos, String stdout, String stderrTail) {
        this(exitCode, wallNanos, cpuNanos, stdout, stderrTail, ResourceUsage.jvmOnly(wallNanos));
    }

    /** Returns the last {@code count} lines of stdout followed by those of stderr, for failure messages. */
    public String outputTail(int count) {
        return OutputTail.lastLines(stdout, count) + OutputTail.lastLines(stderrTail, count);
    }
}
