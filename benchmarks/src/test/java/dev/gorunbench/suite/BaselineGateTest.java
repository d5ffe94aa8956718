package dev.gorunbench.suite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.compare.CompareSettings;
import dev.gorunbench.compare.Synthetic;
import dev.gorunbench.results.Baselines;
import dev.gorunbench.results.EnvironmentKey;
import dev.gorunbench.results.ResultsFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate after a run: no baseline, corrupt baseline, regression, pass and update. */
class BaselineGateTest {
    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private BaselineGate gate(Baselines baselines) {
        return new BaselineGate(baselines, CompareSettings.defaults(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static ObjectNode run(double factor, long seed) {
        return Synthetic.add(Synthetic.document("default"), "GoBuildBenchmark", "goBuildWarm", "hello",
                Synthetic.scaled(Synthetic.samples(20, 200, seed), factor));
    }

    private Path file(String name, ObjectNode document) throws Exception {
        Path file = temp.resolve(name);
        ResultsFile.write(file, document);
        return file;
    }

    @Test
    void missingBaselineWarnsAndPasses() throws Exception {
        int code = gate(Baselines.in(temp)).check(file("run.json", run(1, 1)));

        assertEquals(BaselineGate.PASS, code);
        assertTrue(out.toString().contains("WARNING: no baseline"), out.toString());
    }

    @Test
    void regressionFailsWithTable() throws Exception {
        Baselines baselines = Baselines.in(temp);
        baselines.write(run(1, 1));

        int code = gate(baselines).check(file("run.json", run(1.4, 2)));

        assertEquals(BaselineGate.REGRESSION, code);
        assertTrue(err.toString().contains("| GoBuildBenchmark.goBuildWarm | fixture=hello |"), err.toString());
        assertTrue(Files.exists(temp.resolve("run.comparison.json")));
    }

    @Test
    void sameNumbersPass() throws Exception {
        Baselines baselines = Baselines.in(temp);
        baselines.write(run(1, 1));

        int code = gate(baselines).check(file("run.json", run(1, 3)));

        assertEquals(BaselineGate.PASS, code, out.toString());
    }

    @Test
    void corruptBaselineFailsAndIsKept() throws Exception {
        Baselines baselines = Baselines.in(temp);
        ObjectNode current = run(1, 1);
        Path baseline = baselines.fileFor(EnvironmentKey.of(current));
        Files.createDirectories(baseline.getParent());
        Files.writeString(baseline, "not json");

        int code = gate(baselines).check(file("run.json", current));

        assertEquals(BaselineGate.UNUSABLE, code);
        assertTrue(err.toString().contains("is not used for the gate"), err.toString());
        assertTrue(err.toString().contains("-Dbench.baseline.update=true"), err.toString());
        assertArrayEquals("not json".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(baseline));
    }

    @Test
    void updateWritesBaseline() throws Exception {
        Baselines baselines = Baselines.in(temp);

        int code = gate(baselines).update(file("run.json", run(1, 1)));

        assertEquals(BaselineGate.PASS, code);
        assertTrue(out.toString().contains("Baseline written to"), out.toString());
        assertTrue(baselines.find(EnvironmentKey.of(run(1, 1))) instanceof Baselines.Found);
    }

    @Test
    void smokeRunIsNotWrittenAsBaseline() throws Exception {
        ObjectNode smoke = run(1, 1);
        smoke.put("profile", "smoke");

        int code = gate(Baselines.in(temp)).update(file("run.json", smoke));

        assertEquals(BaselineGate.UNUSABLE, code);
        assertTrue(Files.notExists(temp.resolve("baselines")));
    }
}
