package dev.gorunbench.workdir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The per-run work directory that contains every cache, temp directory, workspace copy and build output of
 * one suite run, named {@code gorunbench-work-*} under a temp root so that leftovers can be counted.
 */
public final class WorkDirectory {
    /** Name prefix of every work directory, used to count leftovers after a run. */
    public static final String PREFIX = "gorunbench-work-";

    private WorkDirectory() {
    }

    /**
     * Creates a new, uniquely named work directory under {@code tempRoot}, after {@link WorkRootCheck#check}.
     *
     * @throws IllegalArgumentException when the temp root is noexec or short of space
     * @throws UncheckedIOException when the directory cannot be created, for example on a read-only root
     */
    public static Path create(Path tempRoot) {
        try {
            Files.createDirectories(tempRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the temp root " + tempRoot + ": " + WorkRootCheck.reason(e)
                    + ". " + WorkRootCheck.FIX, e);
        }
        WorkRootCheck.check(tempRoot);
        try {
            return Files.createTempDirectory(tempRoot, PREFIX).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a work directory under " + tempRoot + ": "
                    + WorkRootCheck.reason(e) + ". Check that the directory is writable, or: " + WorkRootCheck.FIX, e);
        }
    }

    /** Creates a new, uniquely named directory {@code prefix*} inside {@code parent}. */
    public static Path createChild(Path parent, String prefix) {
        try {
            return Files.createTempDirectory(parent, prefix).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a directory under " + parent + ": " + e.getMessage(), e);
        }
    }
}
