package dev.gorunbench.bench;

import dev.gorunbench.exec.ProcessResult;
import dev.gorunbench.workdir.FileTree;
import dev.gorunbench.workdir.TempRoot;
import dev.gorunbench.workdir.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code go run .} in the cold-project case (standard library cached, every Go file of the fixture
 * edited before each call) with its temp directories in each temp {@code location}: GOTMPDIR and the
 * system temp variables (TMPDIR, or TMP and TEMP on Windows) all point there, because the linker and
 * cgo's C compiler use the system variables, not GOTMPDIR.
 *
 * <p>Beside the time, each sample records what one such {@code go run} writes into its work directory:
 * the secondary metrics {@code workFiles}, {@code workDirs} and {@code workBytes}. They are counted once
 * per trial, untimed, from a {@code go run -work .} whose work directory is kept, walked and then
 * deleted by the harness; that directory is also checked to be inside the location. Files that the C
 * compiler writes to TMPDIR and deletes itself are not counted. The counting run is a cold-project run
 * of its own, so it also serves as the warm-up, and the benchmark declares none.
 *
 * <p>Run alone: {@code java -jar benchmarks/target/benchmarks.jar GoRunTmpdirBenchmark -p fixture=hello
 * -p location=default}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class GoRunTmpdirBenchmark {

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 10)
    @SuiteParams(runsProgramsInLocation = true)
    public ProcessResult goRunTmpdir(ProjectInLocation state, ProcessCounters counters, WorkCounters work) {
        work.workFiles = state.workUsage.files();
        work.workDirs = state.workUsage.directories();
        work.workBytes = state.workUsage.bytes();
        return counters.record(state.goRun());
    }

    /** The cold-project state with GOTMPDIR and the system temp variables in the trial's temp root. */
    public static class ProjectInLocation extends GoRunBenchmark.AllFilesEdited {
        @Param({"default", "shm"})
        public String location;

        private TempRoot root;
        FileTree.Usage workUsage;

        @Override
        protected void prepareTrial() {
            root = TempRoot.open(location, true);
            environment = environment.withTempDirectory(root.dir());
            workspace.editAllGoFiles(uniqueMarker());
            workUsage = countWorkDirectory();
        }

        @TearDown(Level.Trial)
        public void closeLocation() {
            if (root != null) {
                root.close();
            }
        }

        /** Runs {@code go run -work .}, then counts and deletes the work directory it kept. */
        FileTree.Usage countWorkDirectory() {
            ProcessResult result = go.run(workspace.project(), environment, List.of("-work"),
                    workspace.spec().expectedStdout());
            Path work = workDirectory(result.stderrTail());
            try {
                if (!work.startsWith(root.dir()) || !Files.isDirectory(work, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IllegalStateException("go run -work kept its work directory at " + work
                            + ", not in the temp location " + root.dir() + ": GOTMPDIR was not applied.");
                }
                return FileTree.measure(work);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not count the work directory " + work + ": " + e.getMessage(), e);
            } finally {
                if (work.startsWith(root.dir())) {
                    Trees.deleteRecursivelyUnchecked(work);
                }
            }
        }

        /** Returns the directory named by the {@code WORK=} line the go command prints with {@code -work}. */
        static Path workDirectory(String stderr) {
            return stderr.lines()
                    .filter(line -> line.startsWith("WORK="))
                    .map(line -> Path.of(line.substring("WORK=".length()).strip()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("go run -work printed no WORK= line; stderr: "
                            + stderr.strip()));
        }
    }

    /** Counts of the files one {@code go run} of this trial left in its work directory, recorded beside the time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class WorkCounters {
        /** Regular files (and links) in the work directory of one {@code go run}. */
        public double workFiles;
        /** Directories in it, the work directory included. */
        public double workDirs;
        /** Bytes of the regular files in it. */
        public double workBytes;
    }
}
