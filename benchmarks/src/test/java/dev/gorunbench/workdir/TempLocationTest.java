package dev.gorunbench.workdir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gorunbench.TestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempLocationTest {
    @TempDir
    Path temp;

    @Test
    void missingLocationIsSkipped() {
        TempLocation location = TempLocation.resolve(temp.resolve("absent").toString(), MountTable.read());
        assertTrue(location.skipReason(false).startsWith("missing:"), location.skipReason(false));
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> location.requireUsable(false));
        assertTrue(error.getMessage().contains(temp.resolve("absent").toString()), error.getMessage());
    }

    @Test
    void regularFileIsSkipped() throws Exception {
        Path file = Files.writeString(temp.resolve("file"), "x");
        TempLocation location = TempLocation.resolve(file.toString(), MountTable.read());
        assertTrue(location.skipReason(false).startsWith("not a directory:"), location.skipReason(false));
    }

    @Test
    void notWritableLocationIsSkipped() throws Exception {
        Path readOnly;
        if (System.getProperty("user.name").equals("root")) {
            // root writes through permission bits; Linux rejects new entries in /sys for everyone.
            assumeTrue(Files.isDirectory(Path.of("/sys/kernel")), "needs Linux sysfs");
            readOnly = Path.of("/sys");
        } else {
            assumeTrue(!TestSupport.isWindows(), "POSIX permissions");
            readOnly = Files.createDirectory(temp.resolve("read-only"));
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        TempLocation location = TempLocation.resolve(readOnly.toString(), MountTable.read());
        assertTrue(location.skipReason(false).startsWith("not writable:"), location.skipReason(false));
        assertTrue(location.skipReason(true).startsWith("not writable:"), location.skipReason(true));
    }

    @Test
    void noexecSkipsOnlyProgramBenchmarks() throws Exception {
        Path real = temp.toRealPath();
        MountTable mounts = MountTable.parseMountinfo("40 1 0:50 / " + real + " rw,nosuid,noexec - tmpfs tmpfs rw\n");
        TempLocation location = TempLocation.resolve(temp.toString(), mounts);
        assertNull(location.skipReason(false));
        assertTrue(location.skipReason(true).startsWith("mounted noexec:"), location.skipReason(true));
        assertEquals("tmpfs", location.fileSystem());
        assertEquals("rw,nosuid,noexec", location.mountOptions());
    }

    @Test
    void shmMustBeTmpfs() {
        assumeTrue(Files.isDirectory(Path.of("/dev/shm")), "needs /dev/shm");
        MountTable mounts = MountTable.parseMountinfo("27 1 254:0 / / rw - ext4 /dev/vda rw\n");
        TempLocation location = TempLocation.resolve(TempLocation.SHM, mounts);
        assertTrue(location.skipReason(false).startsWith("not a tmpfs:"), location.skipReason(false));
    }

    @Test
    void defaultLocationIsUsable() {
        TempLocation location = TempLocation.resolve(TempLocation.DEFAULT, MountTable.read());
        assertNull(location.skipReason(false));
        assertEquals(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize(), location.path());
    }

    @Test
    void relativePathIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TempLocation.resolve("relative/dir", MountTable.read()));
        assertTrue(error.getMessage().contains("relative/dir"), error.getMessage());
    }

    @Test
    void probeLeavesNothingBehind() throws Exception {
        TempLocation.resolve(temp.toString(), MountTable.read());
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void resolveAllKeepsOrder() {
        List<TempLocation> all = TempLocation.resolveAll(List.of(temp), MountTable.read());
        assertEquals(List.of(TempLocation.DEFAULT, TempLocation.SHM, temp.toAbsolutePath().normalize().toString()),
                all.stream().map(TempLocation::label).toList());
    }
}
