package dev.gorunbench.workdir;

import java.nio.file.Path;

/**
 * One trial's own directory in a temp location: a {@code gorunbench-work-*} directory created when the
 * trial starts and deleted when it ends. A JVM shutdown hook deletes it too, so a fork that exits after
 * a failed benchmark leaves nothing behind; only a killed JVM (SIGKILL) can.
 */
public final class TempRoot implements AutoCloseable {
    private final TempLocation location;
    private final Path dir;
    private final Thread cleanup;

    private TempRoot(TempLocation location, Path dir) {
        this.location = location;
        this.dir = dir;
        this.cleanup = new Thread(() -> Trees.deleteRecursivelyUnchecked(dir), "gorunbench-temp-root-cleanup");
    }

    /**
     * Resolves the {@code location} parameter value and creates the trial's directory in it.
     *
     * @param executes whether programs will run from the directory, so a {@code noexec} mount is rejected
     * @throws IllegalStateException when the location cannot be used, with the reason
     */
    public static TempRoot open(String location, boolean executes) {
        TempLocation resolved = TempLocation.resolve(location, MountTable.read()).requireUsable(executes);
        TempRoot root = new TempRoot(resolved, WorkDirectory.create(resolved.path()));
        Runtime.getRuntime().addShutdownHook(root.cleanup);
        return root;
    }

    public TempLocation location() {
        return location;
    }

    /** Returns the trial's directory, which only this trial writes to. */
    public Path dir() {
        return dir;
    }

    /** Deletes the directory and everything in it, never following a symbolic link out of it. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down and the hook deletes the directory.
            return;
        }
        Trees.deleteRecursivelyUnchecked(dir);
    }
}
