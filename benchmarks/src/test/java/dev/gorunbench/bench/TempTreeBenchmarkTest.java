package dev.gorunbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gorunbench.workdir.FileTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The temp-tree states driven by hand through their JMH lifecycle, on a small tree in a temp directory. */
class TempTreeBenchmarkTest {
    @TempDir
    Path temp;

    private final TempTreeBenchmark benchmark = new TempTreeBenchmark();

    @Test
    void directoryIsCreatedAndRemoved() throws Exception {
        TempTreeBenchmark.CreatedDirectory state = new TempTreeBenchmark.CreatedDirectory();
        state.location = temp.toString();
        state.openLocation();

        Path created = benchmark.tempDirCreate(state);
        assertTrue(Files.isDirectory(created));
        assertTrue(created.getFileName().toString().startsWith("go-build"));
        state.removeCreated();
        assertFalse(Files.exists(created));

        state.closeLocation();
        assertEmpty(temp);
    }

    @Test
    void treeIsWrittenCheckedAndDeleted() throws Exception {
        TempTreeBenchmark.TreeToWrite state = treeState(new TempTreeBenchmark.TreeToWrite(), 150);
        state.choosePath();

        Path tree = benchmark.tempTreeWrite(state);
        assertEquals(new FileTree.Usage(150, 3, 150 * 16), FileTree.measure(tree));
        state.checkAndDelete();
        assertFalse(Files.exists(tree));

        state.closeLocation();
        assertEmpty(temp);
    }

    @Test
    void incompleteTreeFailsCheckAndIsDeleted() throws Exception {
        TempTreeBenchmark.TreeToWrite state = treeState(new TempTreeBenchmark.TreeToWrite(), 3);
        state.choosePath();
        FileTree.write(state.tree, 2, state.content);

        IllegalStateException error = assertThrows(IllegalStateException.class, state::checkAndDelete);
        assertTrue(error.getMessage().contains("expected 3 files"), error.getMessage());
        assertFalse(Files.exists(state.tree));

        state.closeLocation();
        assertEmpty(temp);
    }

    @Test
    void treeIsPreparedAndDeleted() throws Exception {
        TempTreeBenchmark.TreeToDelete state = treeState(new TempTreeBenchmark.TreeToDelete(), 5);
        state.writeTree();
        assertEquals(5, FileTree.measure(state.tree).files());

        benchmark.tempTreeDelete(state);
        state.checkDeleted();

        state.closeLocation();
        assertEmpty(temp);
    }

    @Test
    void treeLeftBehindFailsCheck() throws Exception {
        TempTreeBenchmark.TreeToDelete state = treeState(new TempTreeBenchmark.TreeToDelete(), 1);
        state.writeTree();

        IllegalStateException error = assertThrows(IllegalStateException.class, state::checkDeleted);
        assertTrue(error.getMessage().contains("left"), error.getMessage());
        assertFalse(Files.exists(state.tree));

        state.closeLocation();
        assertEmpty(temp);
    }

    @Test
    void missingLocationFailsWithReason() {
        TempTreeBenchmark.CreatedDirectory state = new TempTreeBenchmark.CreatedDirectory();
        state.location = temp.resolve("absent").toString();
        IllegalStateException error = assertThrows(IllegalStateException.class, state::openLocation);
        assertTrue(error.getMessage().contains("missing"), error.getMessage());
    }

    private <T extends TempTreeBenchmark.TreeState> T treeState(T state, int files) {
        state.location = temp.toString();
        state.files = files;
        state.fileBytes = 16;
        state.openLocation();
        return state;
    }

    static void assertEmpty(Path dir) throws Exception {
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "nothing may be left in " + dir);
        }
    }
}
