package dev.gorunbench.exec;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Kills whole process trees, and every tree still running when the JVM shuts down (Ctrl-C, SIGTERM).
 *
 * <p>The descendants are listed before the parent is killed, because once the go command dies its
 * compilers and the program it started are re-parented and can no longer be found from it.
 */
public final class ProcessTrees {
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

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

    static void killAllRunning() {
        for (Process process : RUNNING) {
            killTree(process.toHandle());
        }
    }
}
