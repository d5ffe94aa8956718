package dev.gorunbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.results.ResultsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildStagesSectionTest {
    @TempDir
    Path dir;

    private static BenchmarkRecord stage(String stage, double ms) {
        return new BenchmarkRecord("CStageBenchmark", "cStage",
                Map.of("stage", stage, "language", "c", "optimization", "-O0"), "ms/op",
                new double[] {ms, ms, ms, ms, ms, ms}, Map.of());
    }

    @Test
    void stageSharesOfOneShot() {
        List<BenchmarkRecord> records = new ArrayList<>();
        records.add(stage("preprocess", 10));
        records.add(stage("compile", 50));
        records.add(stage("assemble", 10));
        records.add(stage("link", 30));
        records.add(stage("oneShot", 80));
        String table = BuildStagesSection.cStageTable(records);
        assertTrue(table.contains("| c | -O0 | compile | 50.0 ms | 50.0 to 50.0 | 6 | 63% |"), table);
        assertTrue(table.contains("| c | -O0 | sum of the four stages | 100 ms | | | 125% |"), table);
    }

    @Test
    void readsGoToolsFile() throws Exception {
        String study = """
                {"command": "java -cp benchmarks/target/benchmarks.jar dev.gorunbench.Cli go-tools",
                 "fixtures": [{"fixture": "hello", "trace": "go-run-trace-hello.json",
                   "scenarios": [{"command": "go build", "scenario": "warm", "wallMs": 200.0,
                     "tools": [{"tool": "link", "calls": 1, "wallMs": 100.0, "cpuMs": 90.0, "shareOfBuild": 0.5}]}],
                   "waterfalls": [{"scenario": "warm", "totalMs": 100.0, "sumMs": 100.0, "withinTolerance": true,
                     "parts": [{"part": "program", "ms": 25.0, "measuredBy": "-exec recorder"}]}]}],
                 "checks": [{"check": "hello: warm go run does not link", "passed": true, "detail": "0 link calls"}]}
                """;
        Files.writeString(dir.resolve(BuildStagesSection.GO_TOOLS_FILE), study);
        ObjectNode results = ResultsFile.JSON.createObjectNode();
        String page = new BuildStagesSection().render(results, List.of(), List.of(), dir);
        assertTrue(page.contains("| link | 1, 100 ms (50%) |"), page);
        assertTrue(page.contains("| program | 25.0 ms (25%) | -exec recorder |"), page);
        assertTrue(page.contains("- passed: hello: warm go run does not link (0 link calls)"), page);
        assertTrue(page.contains("Trace: `results/go-run-trace-hello.json`"), page);
    }

    @Test
    void emptyWithoutRecordsOrFile() {
        assertEquals("", new BuildStagesSection().render(ResultsFile.JSON.createObjectNode(), List.of(), List.of(), dir));
    }
}
