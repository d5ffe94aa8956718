package dev.gorunbench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The scaled benchmarks: cost per project size, and a least-squares line through every sample, once
 * against the number of packages and once against thousands of lines, with the coefficient of
 * determination R squared of each fit.
 */
final class ScalingSection implements ReportSection {
    static final List<String> SCENARIOS = List.of("goBuildColdProjectScaled", "goRunWarmScaled");

    @Override
    public String render(ObjectNode results, List<BenchmarkRecord> records, List<String> fixtures) {
        List<BenchmarkRecord> scaled = records.stream().filter(r -> SCENARIOS.contains(r.method()))
                .filter(r -> !r.param("packages").isEmpty())
                .collect(Collectors.toList());
        if (scaled.isEmpty()) {
            return "";
        }
        Map<String, List<BenchmarkRecord>> groups = new LinkedHashMap<>();
        for (String scenario : SCENARIOS) {
            for (BenchmarkRecord record : scaled) {
                if (record.method().equals(scenario)) {
                    groups.computeIfAbsent(groupName(record), key -> new ArrayList<>()).add(record);
                }
            }
        }

        StringBuilder page = new StringBuilder();
        page.append("## Cost against project size\n\n");
        page.append("Generated modules of the given number of library packages (two files of two functions each, "
                + "six layers of imports, seeded so every run builds the same code). `goBuildColdProjectScaled` is "
                + "`go build` after every Go file was edited, with the standard library cached; `goRunWarmScaled` "
                + "is `go run` with nothing changed. Lines count every line of every Go file.\n\n");
        page.append("| scenario | packages | Go files | lines | median | 95% CI of median | CPU median | samples |\n");
        page.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        groups.forEach((name, group) -> {
            group.sort(Comparator.comparingInt(r -> Integer.parseInt(r.param("packages"))));
            for (BenchmarkRecord record : group) {
                SampleStats stats = record.wallStats();
                page.append("| ").append(name)
                        .append(" | ").append(record.param("packages"))
                        .append(" | ").append(count(record, "goFiles"))
                        .append(" | ").append(count(record, "goLines"))
                        .append(" | ").append(CoreTable.formatMs(stats.median())).append(" ms")
                        .append(" | ").append(CoreTable.interval(stats))
                        .append(" | ").append(cpu(record))
                        .append(" | ").append(stats.count())
                        .append(" |\n");
            }
        });

        page.append("\nLeast-squares fit of wall time against size over every sample (commons-math3 "
                + "`SimpleRegression`). The slope is the cost of one more package or of 1,000 more lines of "
                + "this generated code; the intercept is what a project of size zero would cost, the go "
                + "command's own fixed work. R squared near 1 means the straight line explains the samples; "
                + "a fit over fewer than three sizes is not shown.\n\n");
        page.append("| scenario | per package | per 1,000 lines | intercept | R squared | R squared, lines | sizes |\n");
        page.append("|---|---:|---:|---:|---:|---:|---:|\n");
        groups.forEach((name, group) -> {
            Fit byPackages = fit(group, record -> Double.parseDouble(record.param("packages")));
            Fit byLines = fit(group, record -> lines(record) / 1000.0);
            if (group.size() < 3 || byPackages == null) {
                page.append("| ").append(name).append(" | not fitted | not fitted | | | | ").append(group.size())
                        .append(" |\n");
                return;
            }
            page.append("| ").append(name)
                    .append(" | ").append(CoreTable.formatMs(byPackages.slope())).append(" ms")
                    .append(" | ").append(byLines == null ? "no line counts"
                            : CoreTable.formatMs(byLines.slope()) + " ms")
                    .append(" | ").append(CoreTable.formatMs(byPackages.intercept())).append(" ms")
                    .append(" | ").append(String.format(Locale.ROOT, "%.3f", byPackages.rSquared()))
                    .append(" | ").append(byLines == null ? "" : String.format(Locale.ROOT, "%.3f", byLines.rSquared()))
                    .append(" | ").append(group.size())
                    .append(" |\n");
        });
        page.append("\nThe intercept and the first R squared belong to the fit against packages, the last R squared to "
                + "the fit against lines.\n\n");
        page.append("Reproduce: `mvn verify -Pbench -Dbench.include=ScaledProjectBenchmark`\n\n");
        return page.toString();
    }

    /** A fitted line: slope and intercept in milliseconds, and R squared. */
    record Fit(double slope, double intercept, double rSquared) {
    }

    /** Fits every sample of {@code group} against {@code size}; returns null with fewer than two sizes. */
    static Fit fit(List<BenchmarkRecord> group, ToDoubleFunction<BenchmarkRecord> size) {
        SimpleRegression regression = new SimpleRegression();
        long sizes = group.stream().mapToDouble(size).distinct().count();
        if (sizes < 2) {
            return null;
        }
        for (BenchmarkRecord record : group) {
            double x = size.applyAsDouble(record);
            for (double sample : record.wallSamples()) {
                regression.addData(x, sample);
            }
        }
        return new Fit(regression.getSlope(), regression.getIntercept(), regression.getRSquare());
    }

    private static String groupName(BenchmarkRecord record) {
        String toolchain = record.param("toolchain");
        return toolchain.isEmpty() ? record.method() : record.method() + " (" + toolchain + ")";
    }

    private static double lines(BenchmarkRecord record) {
        double[] values = record.secondary().get("goLines");
        return values == null || values.length == 0 ? Double.NaN : values[0];
    }

    private static String count(BenchmarkRecord record, String metric) {
        double[] values = record.secondary().get(metric);
        return values == null || values.length == 0 ? "not recorded"
                : String.format(Locale.ROOT, "%,d", (long) values[0]);
    }

    private static String cpu(BenchmarkRecord record) {
        double[] cpu = record.secondary().get("cpuMs");
        return cpu == null || cpu.length == 0 || SampleStats.of(cpu).median() < 0 ? "not reported"
                : CoreTable.formatMs(SampleStats.of(cpu).median()) + " ms";
    }
}
