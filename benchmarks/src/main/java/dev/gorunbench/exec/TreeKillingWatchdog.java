package dev.gorunbench.exec;

import java.time.Duration;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.Watchdog;

/**
 * A commons-exec watchdog that, on timeout, kills the whole process tree and not only the direct child:
 * a hung {@code go run} leaves the compiler or the program it started running otherwise.
 */
final class TreeKillingWatchdog extends ExecuteWatchdog {
    private volatile Process process;
    /**
     * Set on timeout. The inherited flag is not enough: commons-exec sets it only when the process is still
     * alive after this class has killed the tree, so a quick death would read as a plain exit code 137.
     */
    private volatile boolean timedOut;

    TreeKillingWatchdog(Duration timeout) {
        super(timeout.toMillis());
    }

    @Override
    public synchronized void start(Process started) {
        process = started;
        super.start(started);
    }

    @Override
    public synchronized void timeoutOccured(Watchdog watchdog) {
        Process current = process;
        if (current != null && current.isAlive()) {
            timedOut = true;
            ProcessTrees.killTree(current.toHandle());
        }
        super.timeoutOccured(watchdog);
    }

    @Override
    public synchronized boolean killedProcess() {
        return timedOut || super.killedProcess();
    }
}
