package dev.gorunbench.exec;

/**
 * The outcome of one finished command.
 *
 * @param exitCode the child's exit code
 * @param wallNanos wall-clock time from just before the start to just after the exit was seen
 * @param cpuNanos user plus system CPU time of the child and the children it waited for, or -1 where
 *     the operating system does not report it (see {@link ChildCpuClock})
 * @param stdout everything the child wrote to stdout, cut at {@link ProcessRunner#MAX_STDOUT_BYTES}
 * @param stderrTail the last lines the child wrote to stderr
 */
public record ProcessResult(int exitCode, long wallNanos, long cpuNanos, String stdout, String stderrTail) {

    /** Returns the last {@code count} lines of stdout followed by those of stderr, for failure messages. */
    public String outputTail(int count) {
        return OutputTail.lastLines(stdout, count) + OutputTail.lastLines(stderrTail, count);
    }
}
