package dev.gorunbench.results;

import dev.gorunbench.workdir.WorkRootCheck;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes files through a temp file in the same directory and a rename, so readers never see half a file. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with {@code content}. On failure (a full disk, say) the old file is left as
     * it was and the temp file is removed.
     */
    public static void write(Path target, byte[] content) throws IOException {
        try {
            writeThroughTemp(target, content);
        } catch (IOException e) {
            // Some failures, such as a full disk, name no file; the user needs to know which one.
            throw new IOException("Could not write " + target + ": " + WorkRootCheck.reason(e), e);
        }
    }

    /**
     * Gives the temp file the permissions of the file it replaces, or rw-r--r-- for a new file: a temp file is
     * created readable by its owner only, and results are meant to be read and committed by others too.
     * File systems without POSIX permissions (Windows) are left as they are.
     */
    private static void keepReadable(Path temp, Path target) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, permissions);
    }

    private static void writeThroughTemp(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.write(temp, content);
            keepReadable(temp, target);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
