package dev.gorunbench.bench;

import dev.gorunbench.cstages.CLanguage;
import dev.gorunbench.cstages.CProgram;
import dev.gorunbench.cstages.CStage;
import dev.gorunbench.cstages.CStageRunner;
import dev.gorunbench.exec.ProcessResult;
import dev.gorunbench.exec.ProcessRunner;
import dev.gorunbench.results.Attachments;
import dev.gorunbench.workdir.Trees;
import dev.gorunbench.workdir.WorkDirectory;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The four classic stages of building the cgo fixture's native code with gcc and g++, and the one-shot
 * driver call that does all four: which stage of cgo's C work is worth attacking.
 *
 * <p>One sample is one stage of one small program (see {@link CProgram}): for C the fixture's
 * {@code hash.c} plus a generated driver, for C++ the fixture's {@code matrix.cpp} plus a generated
 * translation unit full of template instantiations. A stage runs the compiler driver once per
 * translation unit (the link once per program), so its time includes starting those processes. The
 * stage's input, the previous stage's output, is made once before the trial, untimed; its own output is
 * deleted before each sample and checked after it (files present and non-empty; the linked program run
 * with its expected output). The page cache stays warm, as it is in an edit-build loop, so there is a
 * warm-up. Left out: cgo's own C work (the generated {@code _cgo_*} files), which the Go tool breakdown
 * of {@code Cli go-tools} shows.
 *
 * <p>gcc's per-pass report ({@code -ftime-report}) of the compile stage is taken once per language and
 * optimization level in the trial setup and, when the suite runs the benchmark, stored in the results
 * file under {@code attachments}.
 *
 * <p>Run alone: {@code java -jar benchmarks/target/benchmarks.jar CStageBenchmark -p language=c++ -p optimization=-O2}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class CStageBenchmark {

    @Benchmark
    @Warmup(iterations = 2)
    @Measurement(iterations = 10)
    public ProcessResult cStage(StageInput state, ProcessCounters counters) {
        return counters.record(state.runner.run(state.cStage));
    }

    /** One program at one optimization level with the chosen stage's input prepared. */
    @State(Scope.Benchmark)
    public static class StageInput {
        @Param({"preprocess", "compile", "assemble", "link", "oneShot"})
        public String stage;

        @Param({"c", "c++"})
        public String language;

        @Param({"-O0", "-O2"})
        public String optimization;

        CStage cStage;
        CStageRunner runner;
        private Path trialDir;
        private Path ownWorkDir;

        @Setup(Level.Trial)
        public void prepareInput() {
            BenchConfig config = BenchConfig.fromSystemProperties();
            cStage = CStage.fromId(stage);
            CLanguage cLanguage = CLanguage.fromId(language);
            Path parent = config.workDir();
            if (parent == null) {
                ownWorkDir = WorkDirectory.create(Path.of(System.getProperty("java.io.tmpdir")));
                parent = ownWorkDir;
            }
            trialDir = WorkDirectory.createChild(parent, "cstage-" + stage + "-");
            CProgram program = CProgram.create(cLanguage, config.root().resolve("fixtures").resolve("cgo"),
                    trialDir.resolve("src"));
            runner = new CStageRunner(new ProcessRunner(), program, optimization, System.getenv(),
                    WorkDirectory.createChild(trialDir, "tmp-"), config.timeout());
            runner.prepare(cStage);
            if (cStage == CStage.COMPILE && config.workDir() != null) {
                Attachments.write(config.workDir(), "ftime-report-" + language + optimization + ".txt",
                        runner.compileTimeReport());
            }
        }

        /** Deletes the previous sample's output, untimed, so the check after the next one is meaningful. */
        @Setup(Level.Iteration)
        public void deleteOutput() {
            runner.deleteOutputs(cStage);
        }

        /** Checks the sample's output; a failure here fails the benchmark and no sample is kept. */
        @TearDown(Level.Iteration)
        public void verifyOutput() {
            runner.verify(cStage);
        }

        @TearDown(Level.Trial)
        public void deleteTrial() {
            Trees.deleteRecursivelyUnchecked(ownWorkDir != null ? ownWorkDir : trialDir);
        }
    }
}
