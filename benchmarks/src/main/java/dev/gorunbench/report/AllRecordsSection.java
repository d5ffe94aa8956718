package dev.gorunbench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * The appendix of every benchmark and parameter set in the results file, including those of areas with no
 * section of their own, so that no measurement is left off the page.
 */
final class AllRecordsSection implements ReportSection {
    @Override
    public String render(ObjectNode results, List<BenchmarkRecord> records, List<String> fixtures) {
        if (records.isEmpty()) {
            return "";
        }
        ResultsRun run = ResultsRun.of(Path.of("results.json"), results);
        return "## All benchmarks\n\n"
                + "Every record of the results file: the median wall time converted to milliseconds, the "
                + "distribution-free 95% confidence interval of the median (from 6 samples on) and the number of "
                + "samples. Every raw sample is in `samples.csv`.\n\n"
                + MultiReport.mediansTable(List.of(run)) + '\n'
                + "Reproduce: `mvn verify -Pbench" + MarkdownReport.includeArgument(results) + "`\n\n";
    }
}
