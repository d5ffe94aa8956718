package dev.gorunbench.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Kills whole process trees, and every tree still running when the JVM shuts down (Ctrl-C, SIGTERM).
 *
 * <p>The descendants are listed before the parent is killed, because once the go command dies its
 * compilers and the program it started are re-parented and can no longer be found from it.
 */
public final class ProcessTrees {
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    /** Set once an interrupt (Ctrl-C, SIGTERM) has started killing the children; no new ones start then. */
    private static volatile boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessTrees::killAllRunning, "gorunbench-kill-children"));
    }

    private ProcessTrees() {
    }

    static void register(Process process) {
        RUNNING.add(process);
    }

    static void unregister(Process process) {
        RUNNING.remove(process);
    }

    /** Returns whether an interrupt is killing the children, so that no new child may start. */
    public static boolean stopping() {
        return stopping;
    }

    /** Returns how many started processes have not finished yet. */
    public static int runningCount() {
        RUNNING.removeIf(process -> !process.isAlive());
        return RUNNING.size();
    }

    /** Kills {@code root} and every process below it, children first. */
    public static void killTree(ProcessHandle root) {
        List<ProcessHandle> descendants = root.descendants().collect(Collectors.toList());
        root.destroyForcibly();
        for (ProcessHandle descendant : descendants) {
            descendant.destroyForcibly();
        }
    }

    /**
     * Kills every descendant of this JVM (JMH forks, go commands, compilers, the programs they started)
     * and waits up to {@code wait} for them to exit, so a directory they wrote to can then be deleted.
     * Repeats the listing because a process may start a child between the listing and its own death. Then
     * deletes the output files the killed processes left in shared memory. Meant for interrupts only: from
     * the first call on, {@link ProcessRunner} starts no new child process in this JVM.
     *
     * @return how many descendants were still alive when the wait ended; 0 when all exited
     */
    public static int killAllDescendants(Duration wait) {
        stopping = true;
        long deadline = System.nanoTime() + wait.toNanos();
        List<ProcessHandle> killed = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            List<ProcessHandle> alive = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                    .collect(Collectors.toList());
            if (alive.isEmpty()) {
                break;
            }
            alive.forEach(ProcessHandle::destroyForcibly);
            killed.addAll(alive);
        }
        int survivors = 0;
        for (ProcessHandle process : killed) {
            long left = deadline - System.nanoTime();
            try {
                process.onExit().get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                survivors++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return (int) killed.stream().filter(ProcessHandle::isAlive).count();
            }
        }
        // Killed JMH forks ran no shutdown hook, so their output directories in shared memory are still there.
        FileOutput.deleteSharedMemoryOfEndedProcesses();
        return survivors;
    }

    static void killAllRunning() {
        stopping = true;
        for (Process process : RUNNING) {
            killTree(process.toHandle());
        }
    }
}
