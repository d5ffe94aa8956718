package dev.gorunbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Permissions of files written through a temp file. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void newFileReadableByOthers() throws Exception {
        assumePosix();
        Path target = dir.resolve("run.json");

        AtomicFiles.write(target, "{}".getBytes());

        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(List.of("run.json"), Files.list(dir).map(path -> path.getFileName().toString()).toList());
    }

    @Test
    void replacedFileKeepsPermissions() throws Exception {
        assumePosix();
        Path target = Files.writeString(dir.resolve("latest.json"), "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-r--"));

        AtomicFiles.write(target, "new".getBytes());

        assertEquals("new", Files.readString(target));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    private void assumePosix() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class),
                "this file system has no POSIX permissions");
    }
}
