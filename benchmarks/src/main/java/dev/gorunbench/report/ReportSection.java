package dev.gorunbench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * One area's part of {@code results/README.md}: a heading, the tables built from the results file, and
 * the text that says how each figure was measured. A section with no records of its area returns "".
 */
public interface ReportSection {
    String render(ObjectNode results, List<BenchmarkRecord> records, List<String> fixtures);

    /**
     * Renders the section with the directory of the results file at hand, for sections that also read a
     * published file beside it; by default the directory is not needed.
     */
    default String render(ObjectNode results, List<BenchmarkRecord> records, List<String> fixtures, Path resultsDir) {
        return render(results, records, fixtures);
    }
}
