package dev.gorunbench.workdir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a temp root before a work directory is created under it, so a root that cannot hold a run fails
 * at once with the path and the fix instead of minutes later inside a go command. The root must be
 * writable, allow executing files (go run executes the program it links there) and have enough free space.
 */
public final class WorkRootCheck {
    /**
     * Free space a run needs, an estimate with a wide margin. A smoke run of goRunCold and goRunWarm peaked
     * at about 170 MiB in its work directory with Go 1.26 on linux/amd64.
     */
    public static final long MIN_FREE_BYTES = 1L << 30;

    /** The advice for an unusable temp root, appended to every message about one. */
    public static final String FIX = "Choose another temp root with --work-root=PATH (Maven: -Dbench.workRoot=PATH;"
            + " JMH run directly: -Djava.io.tmpdir=PATH).";

    private static final Path MOUNT_INFO = Path.of("/proc/self/mountinfo");

    private WorkRootCheck() {
    }

    /**
     * Checks that {@code root}, which must exist, can hold a work directory.
     *
     * @throws IllegalArgumentException naming the path, the problem and the fix
     */
    public static void check(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("The temp root " + root + " is not a directory. " + FIX);
        }
        Optional<String> noexecMount = noexecMountPoint(root);
        if (noexecMount.isPresent()) {
            throw new IllegalArgumentException("The temp root " + root + " is on a file system mounted noexec (at "
                    + noexecMount.get() + "), so go run could not execute the programs it builds there. " + FIX
                    + " Or remount " + noexecMount.get() + " without noexec.");
        }
        long free;
        try {
            FileStore store = Files.getFileStore(root);
            free = store.getUsableSpace();
        } catch (IOException e) {
            return;
        }
        if (free < MIN_FREE_BYTES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "The temp root %s has %.1f MiB free; a run needs about %d MiB for build caches and workspaces. "
                            + "Free some space there. %s",
                    root, free / (double) (1 << 20), MIN_FREE_BYTES >> 20, FIX));
        }
    }

    /**
     * Returns the mount point of {@code path} when its file system is mounted {@code noexec}, read from
     * Linux's {@code /proc/self/mountinfo}; empty elsewhere or when it cannot be read.
     */
    static Optional<String> noexecMountPoint(Path path) {
        if (!Files.isReadable(MOUNT_INFO)) {
            // NOTE: on macOS and Windows the noexec check is skipped; a noexec root fails at the first go run.
            return Optional.empty();
        }
        String real;
        List<String> lines;
        try {
            real = path.toRealPath().toString();
            lines = Files.readAllLines(MOUNT_INFO);
        } catch (IOException e) {
            return Optional.empty();
        }
        String bestMount = null;
        boolean bestNoexec = false;
        for (String line : lines) {
            // Fields: id, parent, major:minor, root, mount point, mount options, ... (proc(5)).
            String[] fields = line.split(" ");
            if (fields.length < 6) {
                continue;
            }
            String mountPoint = unescape(fields[4]);
            boolean contains = real.equals(mountPoint) || mountPoint.equals("/")
                    || real.startsWith(mountPoint.endsWith("/") ? mountPoint : mountPoint + "/");
            // Later lines are mounted later, so on equal mount points the last one is the visible one.
            if (contains && (bestMount == null || mountPoint.length() >= bestMount.length())) {
                bestMount = mountPoint;
                bestNoexec = List.of(fields[5].split(",")).contains("noexec");
            }
        }
        return bestNoexec ? Optional.of(bestMount) : Optional.empty();
    }

    /** Returns why an I/O operation failed in words, also for exceptions whose message is only a path. */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Decodes the octal escapes ({@code \040} for a space) that mountinfo uses in paths. */
    private static String unescape(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
