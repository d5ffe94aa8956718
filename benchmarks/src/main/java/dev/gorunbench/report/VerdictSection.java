package dev.gorunbench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/** The verdicts on the folk advice about slow {@code go run}, computed from this results file. */
final class VerdictSection implements ReportSection {
    @Override
    public String render(ObjectNode results, List<BenchmarkRecord> records, List<String> fixtures) {
        ResultsRun run = ResultsRun.of(Path.of("results.json"), results);
        return "## Verdicts on the folk advice\n\n"
                + VerdictTable.render(run, Lang.EN) + '\n'
                + VerdictTable.legend(Lang.EN) + " Chinese: [README.zh-CN.md](README.zh-CN.md).\n\n";
    }
}
