package dev.gorunbench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The core scenarios: cold, cold-project, incremental and warm {@code go run} and {@code go build}, and exec. */
final class CoreSection implements ReportSection {
    @Override
    public String render(ObjectNode results, List<BenchmarkRecord> records, List<String> fixtures) {
        if (records.stream().noneMatch(r -> CoreTable.SCENARIOS.contains(r.method()))) {
            return "";
        }
        StringBuilder page = new StringBuilder();
        page.append("## Core scenarios\n\n");
        page.append("Wall time of one command per sample. The JVM starts the native timing helper through commons-exec; "
                + "the helper spawns the command and waits for it with wait4, so the JVM's own cost of starting a "
                + "process falls outside the figure (a figure marked \"JVM clock\" was taken by the JVM around "
                + "commons-exec instead, where the helper could not be built). The ratio column divides by "
                + "`execBinary` of the same fixture from the same run; the environment table gives the exec floor. "
                + "The interval is a distribution-free 95% confidence interval of the median (binomial order "
                + "statistics). CPU is user plus system time of the command and every process it waited for, and "
                + "peak RSS the largest peak resident set of any one of them, both from wait4's rusage (without the "
                + "helper: CPU from Linux `/proc/self/stat` of the JVM, 10 ms resolution, and no RSS).\n\n");
        page.append(CoreTable.render(records, fixtures)).append('\n');
        page.append("Scenarios: `goRunCold` empty GOCACHE; `goRunColdProject` standard library cached, every Go file "
                + "edited; `goRunIncremental` one leaf file edited; `goRunWarm` nothing changed; `goBuildColdProject` "
                + "and `goBuildWarm` the same with `go build -o BIN`; `execBinary` the built program run directly.\n\n");
        page.append("Reproduce: `mvn verify -Pbench").append(MarkdownReport.includeArgument(results)).append("`\n");
        page.append('\n');
        return page.toString();
    }
}
