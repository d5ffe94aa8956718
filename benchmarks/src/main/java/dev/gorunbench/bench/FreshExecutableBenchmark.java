package dev.gorunbench.bench;

import dev.gorunbench.exec.ProcessResult;
import dev.gorunbench.workdir.TempRoot;
import dev.gorunbench.workdir.Trees;
import dev.gorunbench.workdir.WorkDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first-exec penalty: a fixture's built program written to a new path in a temp {@code location}
 * and run at once, as {@code go run} runs the program its linker just wrote, against the same program
 * run again from a path it already ran from. Scanners that inspect every newly written executable, such
 * as Microsoft Defender on Windows, make the first kind slower.
 *
 * <p>{@code freshExecutable} times the copy and the run together and records the copy alone as the
 * secondary metric {@code copyMs}, so the first-exec penalty is about fresh minus copy minus reused.
 * The program is built once per trial with {@code go build}, untimed; the copy source and both programs
 * are in the page cache (nothing is dropped). Each run checks exit code 0 and the fixture's output.
 * Fresh copies are deleted after their sample, untimed. The suite runs the hello fixture only, because
 * the penalty is per file, not per package.
 *
 * <p>Run alone: {@code java -jar benchmarks/target/benchmarks.jar FreshExecutableBenchmark -p fixture=hello}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class FreshExecutableBenchmark {

    /** Copies the built program to a new directory in the location and runs it at once. */
    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 30)
    @SuiteParams(only = "fixture=hello", runsProgramsInLocation = true)
    public ProcessResult freshExecutable(ProgramInLocation state, ProcessCounters counters, CopyCounter copy) {
        long start = System.nanoTime();
        state.writeFreshCopy();
        copy.copyMs = (System.nanoTime() - start) / 1e6;
        return counters.record(state.runFreshCopy());
    }

    /** Runs the same program from a path in the location that it already ran from. */
    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 30)
    @SuiteParams(only = "fixture=hello", runsProgramsInLocation = true)
    public ProcessResult reusedExecutable(ProgramInLocation state, ProcessCounters counters) {
        return counters.record(state.runReused());
    }

    /** The fixture built once, a copy in the location run once before the trial, and a fresh path a sample. */
    public static class ProgramInLocation extends ProjectState {
        @Param({"default", "shm"})
        public String location;

        private TempRoot root;
        private Path reused;
        private Path freshDir;
        private Path fresh;

        @Override
        protected void prepareTrial() {
            goBuild();
            root = TempRoot.open(location, true);
            reused = WorkDirectory.createChild(root.dir(), "reused-").resolve(binary().getFileName().toString());
            copyProgram(reused);
            runReused();
        }

        @Setup(Level.Iteration)
        public void chooseFreshPath() throws IOException {
            freshDir = WorkDirectory.createChild(root.dir(), "go-build");
            fresh = Files.createDirectories(freshDir.resolve("exe")).resolve(binary().getFileName().toString());
        }

        @TearDown(Level.Iteration)
        public void deleteFreshCopy() {
            Trees.deleteRecursivelyUnchecked(freshDir);
        }

        @TearDown(Level.Trial)
        public void closeLocation() {
            if (root != null) {
                root.close();
            }
        }

        void writeFreshCopy() {
            copyProgram(fresh);
        }

        ProcessResult runFreshCopy() {
            return go.exec(fresh, workspace.project(), environment, workspace.spec().expectedStdout());
        }

        ProcessResult runReused() {
            return go.exec(reused, workspace.project(), environment, workspace.spec().expectedStdout());
        }

        /** Writes the built program to {@code target} executable, as the linker writes its output. */
        private void copyProgram(Path target) {
            try {
                Files.copy(binary(), target);
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not copy " + binary() + " to " + target + ": " + e.getMessage(), e);
            }
        }
    }

    /** The time the copy took, a secondary metric beside {@link ProcessCounters}. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CopyCounter {
        /** Wall time of writing the fresh copy, in milliseconds; part of the primary metric. */
        public double copyMs;
    }
}
