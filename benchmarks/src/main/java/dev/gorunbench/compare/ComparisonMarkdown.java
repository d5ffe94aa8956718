package dev.gorunbench.compare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.report.CoreTable;
import dev.gorunbench.results.ResultsFile;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a {@link Comparison} as Markdown for people and as a JSON summary for scripts. */
public final class ComparisonMarkdown {
    private ComparisonMarkdown() {
    }

    /** Returns the whole report: status, every row, the geometric mean and how the figures were computed. */
    public static String render(Comparison comparison, String baseName, String newName) {
        StringBuilder page = new StringBuilder();
        page.append("## Comparison: ").append(baseName).append(" -> ").append(newName).append("\n\n");
        page.append("Result: **").append(statusText(comparison)).append("**\n\n");
        page.append(table(comparison.rows(), comparison.settings()));
        comparison.geometricMeanRatio().ifPresent(mean -> page.append('\n')
                .append(String.format(Locale.ROOT, "Geometric mean of the ratios: %.3f%n", mean)));
        page.append('\n').append(method(comparison.settings())).append('\n');
        return page.toString();
    }

    /** Returns only the table of regressions, for the gate's failure message. */
    public static String regressions(Comparison comparison) {
        return table(comparison.regressions(), comparison.settings());
    }

    static String statusText(Comparison comparison) {
        return switch (comparison.status()) {
            case REGRESSION -> comparison.regressions().size() + " regression(s)";
            case INCONCLUSIVE -> "inconclusive: too few samples, or no benchmark in both runs";
            case NO_REGRESSION -> "no regression";
        };
    }

    static String method(CompareSettings settings) {
        return String.format(Locale.ROOT, "Method: two-sided Mann-Whitney U test (Apache Commons Statistics), "
                + "significant at p < %s, on the fork medians where both runs have at least %d forks of a benchmark, "
                + "else on the raw samples. The two sides of one interleaved run (`Cli ab`) with at least %d forks each "
                + "are compared round by round instead: two-sided Wilcoxon signed-rank test on the log ratios of "
                + "paired fork medians, "
                + "with the Hodges-Lehmann estimate of the ratio. Samples of one fork are not independent (they share the fork's JVM, "
                + "directories and the machine's state at the time), so a test on the samples of one or two forks "
                + "gives p-values that are too small and fires on noise; gate on forks (`Cli ab --forks`) where that "
                + "matters. Ratio: Hodges-Lehmann estimate of new/base (median of all pairwise ratios) with its %s%% "
                + "distribution-free confidence interval (Moses), on the same basis. Medians are of all samples. A "
                + "regression is a significant slowdown whose interval reaches the minimum effect (default %s%%). At "
                + "least %d samples per side are needed.", trim(settings.alpha()), settings.minForks(), settings.minPairs(),
                trim(100 * (1 - settings.alpha())), trim(100 * settings.minEffect()), settings.minSamples());
    }

    static String table(List<Comparison.Row> rows, CompareSettings settings) {
        StringBuilder table = new StringBuilder();
        table.append("| benchmark | params | base median | new median | ratio new/base | CI of ratio | p | based on | min effect | verdict |\n");
        table.append("|---|---|---:|---:|---:|---:|---:|---|---:|---|\n");
        for (Comparison.Row row : rows) {
            SampleComparison stats = row.stats();
            String unit = " " + row.unit().replace("/op", "");
            table.append("| ").append(row.benchmark())
                    .append(" | ").append(params(row.params()))
                    .append(" | ").append(stats == null || row.verdict() == Comparison.Verdict.ONLY_IN_NEW
                            ? "-" : CoreTable.formatMs(stats.baseMedian()) + unit)
                    .append(" | ").append(stats == null ? "-" : CoreTable.formatMs(stats.newMedian()) + unit)
                    .append(" | ").append(stats == null || !stats.hasEnoughSamples() ? "-"
                            : String.format(Locale.ROOT, "%.3f", stats.ratio()))
                    .append(" | ").append(stats == null || !stats.hasEnoughSamples() ? "-"
                            : String.format(Locale.ROOT, "%.3f to %.3f", stats.ratioLower(), stats.ratioUpper()))
                    .append(" | ").append(stats == null || !stats.hasEnoughSamples() ? "-" : formatP(stats.pValue()))
                    .append(" | ").append(stats == null ? "-" : stats.baseCount() + " + " + stats.newCount() + " "
                            + stats.basis().text())
                    .append(" | ").append(trim(100 * row.minEffect())).append('%')
                    .append(" | ").append(row.verdictText(settings.minSamples()))
                    .append(" |\n");
        }
        return table.toString();
    }

    /** Returns the machine-readable summary of the comparison. */
    public static ObjectNode summary(Comparison comparison, String baseName, String newName) {
        CompareSettings settings = comparison.settings();
        ObjectNode summary = ResultsFile.JSON.createObjectNode();
        summary.put("schemaVersion", 1);
        summary.put("base", baseName);
        summary.put("new", newName);
        summary.put("status", comparison.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        summary.put("alpha", settings.alpha());
        summary.put("minEffect", settings.minEffect());
        summary.put("minSamples", settings.minSamples());
        summary.put("minForks", settings.minForks());
        comparison.geometricMeanRatio().ifPresentOrElse(mean -> summary.put("geometricMeanRatio", mean),
                () -> summary.putNull("geometricMeanRatio"));
        summary.put("regressions", comparison.regressions().size());
        ArrayNode rows = summary.putArray("rows");
        for (Comparison.Row row : comparison.rows()) {
            ObjectNode node = rows.addObject();
            node.put("benchmark", row.benchmark());
            node.set("params", ResultsFile.JSON.valueToTree(row.params()));
            node.put("unit", row.unit());
            node.put("verdict", row.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            node.put("verdictText", row.verdictText(settings.minSamples()));
            node.put("minEffect", row.minEffect());
            SampleComparison stats = row.stats();
            if (stats != null) {
                node.put("basis", stats.basis().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                node.put("baseCount", stats.baseCount());
                node.put("newCount", stats.newCount());
                node.put("baseMedian", stats.baseMedian());
                node.put("newMedian", stats.newMedian());
                if (stats.hasEnoughSamples()) {
                    node.put("ratio", stats.ratio());
                    node.put("ratioLower", stats.ratioLower());
                    node.put("ratioUpper", stats.ratioUpper());
                    node.put("pValue", stats.pValue());
                }
            }
        }
        return summary;
    }

    private static String params(Map<String, String> params) {
        return params.isEmpty() ? "-" : params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String formatP(double p) {
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.4f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
