package dev.gorunbench.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the CPU time of the children this JVM has waited for (user plus system, in nanoseconds).
 *
 * <p>On Linux, fields 16 and 17 of {@code /proc/self/stat} ({@code cutime}, {@code cstime}) count every
 * child the JVM reaped, and through them every grandchild those children reaped, so the difference
 * across one command is that command's CPU time including the compilers and linkers the go command
 * started. The kernel reports these in clock ticks, usually 10 ms, so a short command reads as 0 or
 * one tick. Elsewhere {@link #read()} returns -1 and results say "not reported".
 */
public final class ChildCpuClock {
    private static final Path STAT = Path.of("/proc/self/stat");
    // USER_HZ is 100 on every Linux architecture the JDK runs on; the kernel converts to it for /proc.
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ChildCpuClock() {
    }

    /** Returns the children's accumulated CPU time in nanoseconds, or -1 where it cannot be read. */
    public static long read() {
        if (!Files.isReadable(STAT)) {
            return -1;
        }
        try {
            String stat = Files.readString(STAT);
            // The command name in field 2 may contain spaces, so count fields after its closing bracket.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
            long childUser = Long.parseLong(fields[13]);
            long childSystem = Long.parseLong(fields[14]);
            return (childUser + childSystem) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
