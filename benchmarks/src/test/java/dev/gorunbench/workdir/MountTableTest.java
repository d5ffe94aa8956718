package dev.gorunbench.workdir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountTableTest {
    private static final String MOUNTINFO = String.join("\n",
            "25 24 0:23 / /dev/shm rw,relatime - tmpfs tmpfs rw,size=1024k",
            "27 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw,discard",
            "30 25 0:27 / /dev/shm rw,nosuid,noexec,relatime - tmpfs shm rw,size=2048k",
            "31 27 8:1 / /mnt/my\\040disk rw,noatime master:2 - xfs /dev/sdb1 rw,attr2",
            "garbage line",
            "");

    @Test
    void longestMountPointWins() {
        MountTable table = MountTable.parseMountinfo(MOUNTINFO);
        assertEquals("ext4", table.find(Path.of("/tmp/x")).orElseThrow().fileSystem());
        assertEquals("tmpfs", table.find(Path.of("/dev/shm/a/b")).orElseThrow().fileSystem());
    }

    @Test
    void laterMountHidesEarlierOne() {
        MountTable.Mount shm = MountTable.parseMountinfo(MOUNTINFO).find(Path.of("/dev/shm")).orElseThrow();
        assertEquals("shm", shm.source());
        assertTrue(shm.isNoexec());
    }

    @Test
    void optionsMergeMountAndSuperOptions() {
        MountTable.Mount root = MountTable.parseMountinfo(MOUNTINFO).find(Path.of("/")).orElseThrow();
        assertEquals(List.of("rw", "relatime", "discard"), root.options());
        assertFalse(root.isNoexec());
    }

    @Test
    void escapedSpaceInMountPoint() {
        MountTable.Mount disk = MountTable.parseMountinfo(MOUNTINFO).find(Path.of("/mnt/my disk/t")).orElseThrow();
        assertEquals(Path.of("/mnt/my disk"), disk.mountPoint());
        assertEquals("xfs", disk.fileSystem());
    }

    @Test
    void procMountsFormat() {
        MountTable table = MountTable.parseMounts("/dev/vda / ext4 rw,relatime 0 0\ntmpfs /tmp tmpfs rw,noexec 0 0\n");
        assertEquals("tmpfs", table.find(Path.of("/tmp/a")).orElseThrow().fileSystem());
        assertTrue(table.find(Path.of("/tmp/a")).orElseThrow().isNoexec());
        assertEquals("ext4", table.find(Path.of("/home")).orElseThrow().fileSystem());
    }

    @Test
    void emptyTableFindsNothing() {
        assertTrue(MountTable.parseMountinfo("").find(Path.of("/")).isEmpty());
    }
}
