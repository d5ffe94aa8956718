package dev.gorunbench.exec;

/**
 * How one command was timed and what it used, beside the wall time of {@link ProcessResult}. A value the
 * clock does not report is -1.
 *
 * @param clock what measured the wall time
 * @param jvmWallNanos the wall time the JVM saw around commons-exec's execute, including the JVM's cost of
 *     starting and reaping the process (and, with the timing helper, the helper's own start)
 * @param userNanos user CPU time of the command and every process it waited for
 * @param systemNanos system CPU time of the command and every process it waited for
 * @param maxRssBytes the largest peak resident set size of the command or any process it waited for
 */
public record ResourceUsage(Clock clock, long jvmWallNanos, long userNanos, long systemNanos, long maxRssBytes) {

    /** What measured a command's wall time. */
    public enum Clock {
        /** The native timing helper: posix_spawn to wait4, measured outside the JVM. */
        TIMING_HELPER,
        /** The JVM's System.nanoTime around commons-exec: the fallback where the helper is not available. */
        JVM
    }

    /** Returns the usage of a command timed by the JVM only, which reports no CPU split and no peak memory. */
    public static ResourceUsage jvmOnly(long jvmWallNanos) {
        return new ResourceUsage(Clock.JVM, jvmWallNanos, -1, -1, -1);
    }
}
