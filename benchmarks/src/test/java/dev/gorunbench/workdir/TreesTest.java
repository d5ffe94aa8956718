package dev.gorunbench.workdir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tree deletion and the synthetic trees of the temp-directory benchmarks. */
class TreesTest {
    @TempDir
    Path temp;

    @Test
    void linkToOutsideDirectoryIsRemovedNotFollowed() throws Exception {
        Path outside = Files.createDirectory(temp.resolve("outside"));
        Path precious = Files.writeString(outside.resolve("precious.txt"), "keep me");
        Path tree = Files.createDirectories(temp.resolve("tree/sub"));
        Path link = Files.createSymbolicLink(tree.resolve("link-to-outside"), outside);

        Trees.deleteRecursively(temp.resolve("tree"));

        assertFalse(Files.exists(temp.resolve("tree"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(link, LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isDirectory(outside));
        assertEquals("keep me", Files.readString(precious));
    }

    @Test
    void linkToOutsideFileIsRemovedNotFollowed() throws Exception {
        Path precious = Files.writeString(temp.resolve("precious.txt"), "keep me");
        Path tree = Files.createDirectory(temp.resolve("tree"));
        Files.createSymbolicLink(tree.resolve("link"), precious);

        Trees.deleteRecursively(tree);

        assertFalse(Files.exists(tree, LinkOption.NOFOLLOW_LINKS));
        assertEquals("keep me", Files.readString(precious));
    }

    @Test
    void rootThatIsLinkIsRemovedAsLink() throws Exception {
        Path outside = Files.createDirectory(temp.resolve("outside"));
        Files.writeString(outside.resolve("a.txt"), "a");
        Path link = Files.createSymbolicLink(temp.resolve("root-link"), outside);

        Trees.deleteRecursively(link);

        assertFalse(Files.exists(link, LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(outside.resolve("a.txt")));
    }

    @Test
    void writtenTreeIsCounted() throws Exception {
        Path tree = temp.resolve("tree");
        FileTree.write(tree, 250, FileTree.content(10));

        FileTree.Usage usage = FileTree.measure(tree);

        assertEquals(250, usage.files());
        assertEquals(4, usage.directories(), "the root and three subdirectories of at most 100 files");
        assertEquals(2500, usage.bytes());
    }

    @Test
    void writeIntoExistingTreeFails() throws Exception {
        Path tree = Files.createDirectory(temp.resolve("tree"));
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> FileTree.write(tree, 1, new byte[1]));
    }

    @Test
    void tempRootIsDeletedOnClose() throws Exception {
        TempRoot root = TempRoot.open(temp.toString(), false);
        FileTree.write(root.dir().resolve("tree"), 5, FileTree.content(4));
        assertTrue(root.dir().getFileName().toString().startsWith(WorkDirectory.PREFIX));

        root.close();

        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(List.of(), left.toList());
        }
    }
}
