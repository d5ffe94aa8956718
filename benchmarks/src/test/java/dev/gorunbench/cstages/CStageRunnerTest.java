package dev.gorunbench.cstages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gorunbench.TestSupport;
import dev.gorunbench.exec.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stage input preparation and output checks with the real gcc and g++. */
class CStageRunnerTest {
    @TempDir
    Path dir;

    private CStageRunner runner(CLanguage language, String optimization) throws Exception {
        CProgram program = CProgram.create(language, TestSupport.fixtures().resolve("cgo"), dir.resolve("src"));
        return new CStageRunner(new ProcessRunner(), program, optimization, System.getenv(),
                Files.createDirectories(dir.resolve("tmp")), Duration.ofMinutes(2));
    }

    @Test
    void prepareMakesEachStageInput() throws Exception {
        CStageRunner runner = runner(CLanguage.C, "-O0");
        for (CStage stage : CStage.values()) {
            runner.prepare(stage);
            for (Path input : runner.inputs(stage)) {
                assertTrue(Files.size(input) > 0, stage.id() + " input " + input);
            }
        }
    }

    @Test
    void prepareLinkLeavesExecutableUnbuilt() throws Exception {
        CStageRunner runner = runner(CLanguage.C, "-O0");
        runner.prepare(CStage.LINK);
        assertEquals(2, runner.inputs(CStage.LINK).size());
        assertTrue(runner.inputs(CStage.LINK).get(0).toString().endsWith(".o"));
        assertFalse(Files.exists(runner.executable()));
    }

    @Test
    void everyCStageRunsAndVerifies() throws Exception {
        CStageRunner runner = runner(CLanguage.C, "-O2");
        for (CStage stage : CStage.values()) {
            runner.prepare(stage);
            runner.deleteOutputs(stage);
            runner.run(stage);
            runner.verify(stage);
        }
    }

    @Test
    void cxxOneShotPrintsChecksum() throws Exception {
        CStageRunner runner = runner(CLanguage.CXX, "-O0");
        runner.run(CStage.ONE_SHOT);
        runner.verify(CStage.ONE_SHOT);
    }

    @Test
    void verifyRejectsMissingOutput() throws Exception {
        CStageRunner runner = runner(CLanguage.C, "-O0");
        runner.prepare(CStage.ASSEMBLE);
        runner.deleteOutputs(CStage.ASSEMBLE);
        assertThrows(IllegalStateException.class, () -> runner.verify(CStage.ASSEMBLE));
    }

    @Test
    void timeReportHasPhases() throws Exception {
        CStageRunner runner = runner(CLanguage.C, "-O0");
        runner.prepare(CStage.COMPILE);
        String report = runner.compileTimeReport();
        assertTrue(report.contains("== hash.i"), report);
        assertTrue(report.contains("TOTAL"), report);
    }

    @Test
    void templateChecksumIsSumOfKeys() {
        assertEquals("templates=3 checksum=270\ntrace=10\n", CProgram.templateUnitOutput(3));
    }

    @Test
    void invalidOptimizationRejected() {
        assertThrows(IllegalArgumentException.class, () -> runner(CLanguage.C, "-Ofast-ish"));
    }
}
