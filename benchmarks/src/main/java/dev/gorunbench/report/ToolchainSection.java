package dev.gorunbench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The comparison of toolchains when the results file was written by a run with several of them. */
final class ToolchainSection implements ReportSection {
    @Override
    public String render(ObjectNode results, List<BenchmarkRecord> records, List<String> fixtures) {
        List<String> labels = ToolchainTable.labels(records);
        if (labels.size() < 2) {
            return "";
        }
        StringBuilder page = new StringBuilder("## Toolchains compared\n\n");
        page.append(PublishedToolchainSection.describeToolchains(results));
        page.append("Every case ran once under each toolchain before the next case started, with the first toolchain "
                + "changing from case to case, so drift in the machine's speed falls on all of them. Ratios divide "
                + "the medians by those of `").append(labels.get(0)).append("`.\n\n");
        page.append(ToolchainTable.render(records, labels)).append('\n');
        return page.toString();
    }
}
