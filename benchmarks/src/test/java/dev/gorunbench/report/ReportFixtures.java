package dev.gorunbench.report;

import dev.gorunbench.TestSupport;
import java.nio.file.Path;
import java.util.List;

/** The small fixed results files of the report tests and the checked-in expected output made from them. */
final class ReportFixtures {
    private ReportFixtures() {
    }

    static Path resources() {
        return TestSupport.root().resolve("benchmarks/src/test/resources/report");
    }

    /** Reads a Linux run with every charted area except modules: core, temp locations, C stages, Go tools. */
    static ResultsRun linux() {
        return ResultsRun.read(resources().resolve("linux-results.json"));
    }

    /** Reads a Windows run with the core scenarios and a large fresh-executable penalty. */
    static ResultsRun windows() {
        return ResultsRun.read(resources().resolve("windows-results.json"));
    }

    static List<ResultsRun> both() {
        return List.of(linux(), windows());
    }
}
