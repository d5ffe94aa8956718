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
    private volatile boolean killedTree;

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
            ProcessTrees.killTree(current.toHandle());
            killedTree = true;
        }
        super.timeoutOccured(watchdog);
    }

    /**
     * Returns whether the timeout killed the process. The parent class alone returns false when the
     * tree kill above ended the child before the parent class checked it, and a timeout would pass as a
     * normal exit.
     */
    @Override
    public synchronized boolean killedProcess() {
        return killedTree || super.killedProcess();
    }
}
