package dev.gorunbench.suite;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * JMH's machine-wide lock. JMH 1.37 refuses to start while another JMH instance holds
 * {@code java.io.tmpdir/jmh.lock}, so a second suite run on one machine would fail every benchmark. The
 * suite runner lets its runs go on ({@code jmh.ignoreLock}) and warns instead, because two runs at the
 * same time must not lose each other's work; the results file records that another run was active.
 */
final class JmhLock {
    static final Path FILE = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");

    static {
        // Read once by JMH's Runner class when it is loaded, so it is set before the first run.
        System.setProperty("jmh.ignoreLock", "true");
    }

    private JmhLock() {
    }

    /** Returns true when another process holds JMH's lock right now. */
    static boolean heldByAnotherRun() {
        try (FileChannel channel = FileChannel.open(FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            // This JVM has the lock: a JMH run in the same process, as in the tests.
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
