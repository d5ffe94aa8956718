package dev.gorunbench.bench;

import dev.gorunbench.workdir.FileTree;
import dev.gorunbench.workdir.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The file-system work of a {@code go run} work directory, without Go: creating the directory, writing
 * a tree of files into it and deleting the tree, in each temp {@code location}.
 *
 * <p>Each sample is one operation (SingleShotTime); the tree a sample writes or deletes is prepared and
 * removed in iteration-level setup and teardown, outside the timed region, and checked there: a written
 * tree must hold every file, a deleted one must be gone. Files are written as the go command writes them:
 * created, written and closed, with no fsync, so the page cache contains them and their data may still be
 * dirty when a tree is deleted; no number here includes writing data back to a disk. The default file
 * size, 8192 bytes, is close to the median size (7.6 kB) of the files in the work directory of one
 * {@code go run} of the cgo fixture with Go 1.26.8.
 *
 * <p>Left out: the process start, compiler and linker work of a real {@code go run}, which
 * {@link GoRunTmpdirBenchmark} measures.
 *
 * <p>Run alone: {@code java -jar benchmarks/target/benchmarks.jar TempTreeBenchmark -p location=default}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class TempTreeBenchmark {

    /** Creates one new, uniquely named directory, as the go command creates its work directory ({@code os.MkdirTemp}). */
    @Benchmark
    @Warmup(iterations = 10)
    @Measurement(iterations = 40)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Path tempDirCreate(CreatedDirectory state) throws IOException {
        state.created = Files.createTempDirectory(state.dir(), "go-build");
        return state.created;
    }

    /**
     * Writes a tree of {@code files} files of {@code fileBytes} bytes each into a new directory. No JMH
     * warm-up, which would cost a whole 10,000-file sample: the trial setup writes and deletes a small
     * tree instead (see {@link TreeState}).
     */
    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 10)
    @SuiteParams(smoke = "files=100")
    public Path tempTreeWrite(TreeToWrite state) throws IOException {
        FileTree.write(state.tree, state.files, state.content);
        return state.tree;
    }

    /** Deletes such a tree, written untimed before the sample, recursively and without following links. */
    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 10)
    @SuiteParams(smoke = "files=100")
    public Path tempTreeDelete(TreeToDelete state) throws IOException {
        Trees.deleteRecursively(state.tree);
        return state.tree;
    }

    /** The parent the directories are created in, emptied after every sample like GOTMPDIR between runs. */
    public static class CreatedDirectory extends LocationState {
        Path created;

        @TearDown(Level.Iteration)
        public void removeCreated() throws IOException {
            if (created == null || !Files.isDirectory(created, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalStateException("tempDirCreate did not create a directory in " + dir());
            }
            Files.delete(created);
            created = null;
        }
    }

    /** A tree size and file content, and a new path for each sample's tree. */
    public static class TreeState extends LocationState {
        private static final int WARM_UP_FILES = 100;

        @Param({"1", "100", "1000", "10000"})
        public int files;

        @Param({"8192"})
        public int fileBytes;

        byte[] content;
        Path tree;
        private int samples;

        @Override
        protected void prepareTrial() {
            if (files < 1 || fileBytes < 0) {
                throw new IllegalArgumentException("files=" + files + " and fileBytes=" + fileBytes
                        + " must be at least 1 and 0.");
            }
            content = FileTree.content(fileBytes);
            warmUp();
        }

        /**
         * Writes, checks and deletes one tree of {@value #WARM_UP_FILES} files, untimed, so that class
         * loading and the first use of these code paths stay out of the first sample.
         */
        private void warmUp() {
            Path warmUp = dir().resolve("warm-up");
            try {
                FileTree.write(warmUp, WARM_UP_FILES, content);
                if (FileTree.measure(warmUp).files() != WARM_UP_FILES) {
                    throw new IllegalStateException("The warm-up tree " + warmUp + " is incomplete.");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the warm-up tree " + warmUp + ": " + e.getMessage(), e);
            } finally {
                Trees.deleteRecursivelyUnchecked(warmUp);
            }
        }

        /** Returns a path no sample of this trial used before. */
        Path nextTree() {
            samples++;
            return dir().resolve("tree-" + samples);
        }

        /** Throws unless the tree at {@link #tree} contains exactly the files and bytes written. */
        void checkWritten() {
            FileTree.Usage usage;
            try {
                usage = FileTree.measure(tree);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the written tree " + tree + ": " + e.getMessage(), e);
            }
            long expectedDirectories = 1 + (files + FileTree.FILES_PER_DIRECTORY - 1) / FileTree.FILES_PER_DIRECTORY;
            if (usage.files() != files || usage.bytes() != (long) files * fileBytes
                    || usage.directories() != expectedDirectories) {
                throw new IllegalStateException("The tree " + tree + " contains " + usage + ", expected " + files
                        + " files of " + fileBytes + " bytes in " + expectedDirectories + " directories.");
            }
        }
    }

    /** A new path before each sample; after it, the tree is checked and deleted, untimed. */
    public static class TreeToWrite extends TreeState {
        @Setup(Level.Iteration)
        public void choosePath() {
            tree = nextTree();
        }

        @TearDown(Level.Iteration)
        public void checkAndDelete() {
            try {
                checkWritten();
            } finally {
                Trees.deleteRecursivelyUnchecked(tree);
            }
        }
    }

    /** A tree written and checked before each sample; after it, the tree must be gone. */
    public static class TreeToDelete extends TreeState {
        @Setup(Level.Iteration)
        public void writeTree() {
            tree = nextTree();
            try {
                FileTree.write(tree, files, content);
            } catch (IOException e) {
                Trees.deleteRecursivelyUnchecked(tree);
                throw new UncheckedIOException("Could not write the tree " + tree + ": " + e.getMessage(), e);
            }
            checkWritten();
        }

        @TearDown(Level.Iteration)
        public void checkDeleted() {
            if (Files.exists(tree, LinkOption.NOFOLLOW_LINKS)) {
                Trees.deleteRecursivelyUnchecked(tree);
                throw new IllegalStateException("tempTreeDelete left " + tree + " behind.");
            }
        }
    }
}
