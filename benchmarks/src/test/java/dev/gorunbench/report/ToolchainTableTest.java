package dev.gorunbench.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gorunbench.results.ResultsFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The toolchain table shows the helper's wall times, as the core table does, not JMH's primary metric. */
class ToolchainTableTest {
    private static BenchmarkRecord record(String toolchain, double primary, double wall) throws Exception {
        return BenchmarkRecord.of(ResultsFile.JSON.readTree("""
                {"benchmark": "dev.gorunbench.bench.ExecBinaryBenchmark.execBinary",
                 "params": {"fixture": "hello", "toolchain": "%s"},
                 "primaryMetric": {"scoreUnit": "ms/op", "rawData": [[%s, %s, %s, %s, %s, %s]]},
                 "secondaryMetrics": {"wallMs": {"rawData": [[%s, %s, %s, %s, %s, %s]]}}}
                """.formatted(toolchain, primary, primary, primary, primary, primary, primary,
                wall, wall, wall, wall, wall, wall)));
    }

    @Test
    void usesWallTimes() throws Exception {
        List<BenchmarkRecord> records = List.of(record("old", 10, 2), record("new", 12, 3));

        String table = ToolchainTable.render(records, List.of("old", "new"));

        assertTrue(table.contains("| hello | execBinary | 2.00 ms |"), table);
        assertTrue(table.contains("| 1.50x |"), table);
        assertFalse(table.contains("10.0 ms"), table);
    }
}
