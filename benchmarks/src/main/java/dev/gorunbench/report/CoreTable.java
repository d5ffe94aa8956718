package dev.gorunbench.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The table of the core scenarios: per fixture and scenario, the median wall time with its 95%
 * confidence interval, the median CPU time (split into user and system where the timing helper measured
 * it), the median peak resident set size, the number of samples, and the ratio to {@code execBinary}
 * of the same fixture measured in the same run. Wall times come from {@link BenchmarkRecord#wallStats()}.
 */
public final class CoreTable {
    /** The core scenarios in the order of the table, most work first. */
    public static final List<String> SCENARIOS = List.of(
            "goRunCold", "goRunColdProject", "goRunIncremental", "goRunWarm",
            "goBuildColdProject", "goBuildWarm", "execBinary");

    private CoreTable() {
    }

    public static String render(List<BenchmarkRecord> records, List<String> fixtures) {
        StringBuilder table = new StringBuilder();
        table.append("| fixture | scenario | median | 95% CI of median | CPU median (user + sys) | peak RSS | samples "
                + "| ratio to execBinary |\n");
        table.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (String fixture : fixtures) {
            Optional<SampleStats> floor = find(records, "execBinary", fixture).map(BenchmarkRecord::wallStats);
            for (String scenario : SCENARIOS) {
                Optional<BenchmarkRecord> record = find(records, scenario, fixture);
                if (record.isEmpty()) {
                    continue;
                }
                SampleStats stats = record.get().wallStats();
                String unit = record.get().unit();
                String ratio = floor.map(f -> String.format(Locale.ROOT, "%.1fx", stats.median() / f.median()))
                        .orElse("no execBinary");
                table.append("| ").append(fixture)
                        .append(" | ").append(scenario)
                        .append(" | ").append(formatMs(stats.median())).append(' ').append(unit.replace("/op", ""))
                        .append(record.get().helperTimed() ? "" : " (JVM clock)")
                        .append(" | ").append(interval(stats))
                        .append(" | ").append(cpu(record.get()))
                        .append(" | ").append(peakRss(record.get()))
                        .append(" | ").append(stats.count())
                        .append(" | ").append(ratio)
                        .append(" |\n");
            }
        }
        return table.toString();
    }

    /** Returns the median CPU time as "total (user + sys)", or the total alone where the split is missing. */
    static String cpu(BenchmarkRecord record) {
        double total = record.secondaryMedian("cpuMs");
        if (Double.isNaN(total)) {
            return "not reported";
        }
        double user = record.secondaryMedian("userMs");
        double system = record.secondaryMedian("sysMs");
        if (Double.isNaN(user) || Double.isNaN(system)) {
            return formatMs(total) + " ms";
        }
        return formatMs(total) + " ms (" + formatMs(user) + " + " + formatMs(system) + ")";
    }

    /** Returns the median peak resident set size in MiB, or "not reported". */
    static String peakRss(BenchmarkRecord record) {
        double rss = record.secondaryMedian("maxRssMiB");
        return Double.isNaN(rss) ? "not reported" : formatMs(rss) + " MiB";
    }

    static Optional<BenchmarkRecord> find(List<BenchmarkRecord> records, String method, String fixture) {
        return records.stream()
                .filter(r -> r.method().equals(method) && r.param("fixture").equals(fixture))
                .findFirst();
    }

    static String interval(SampleStats stats) {
        if (!stats.hasInterval()) {
            return "n < 6";
        }
        return formatMs(stats.lower()) + " to " + formatMs(stats.upper());
    }

    /** Formats a time with three significant digits, at least one decimal below 100. */
    public static String formatMs(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
