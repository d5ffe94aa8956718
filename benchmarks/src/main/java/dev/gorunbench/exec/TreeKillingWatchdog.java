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
    private boolean killedTree;
    private final Runnable afterStart;

    TreeKillingWatchdog(Duration timeout) {
        this(timeout, () -> { });
    }

    /** Creates a watchdog that runs {@code afterStart} once it watches the process, the last step of commons-exec's set-up. */
    TreeKillingWatchdog(Duration timeout, Runnable afterStart) {
        super(timeout.toMillis());
        this.afterStart = afterStart;
    }

    @Override
    public synchronized void start(Process started) {
        process = started;
        super.start(started);
        afterStart.run();
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
     * Returns whether the timeout killed the process. commons-exec's own flag stays false when the tree kill
     * above made the process exit before commons-exec looked, so this watchdog keeps its own.
     */
    @Override
    public synchronized boolean killedProcess() {
        return killedTree || super.killedProcess();
    }
}
