package dev.gorunbench.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The comparison of toolchains measured in one run: per fixture and scenario, the median wall time under
 * each toolchain and the ratio of each to the first toolchain.
 */
final class ToolchainTable {
    private ToolchainTable() {
    }

    /** Returns the toolchain labels of {@code records} in the order they first appear. */
    static List<String> labels(List<BenchmarkRecord> records) {
        Set<String> labels = new LinkedHashSet<>();
        records.stream().map(r -> r.param("toolchain")).filter(label -> !label.isEmpty()).forEach(labels::add);
        return new ArrayList<>(labels);
    }

    static String render(List<BenchmarkRecord> records, List<String> labels) {
        StringBuilder table = new StringBuilder("| fixture | scenario |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (String label : labels) {
            table.append(' ').append(label).append(" median | ").append(label).append(" 95% CI |");
            rule.append("---:|---:|");
        }
        for (String label : labels.subList(1, labels.size())) {
            table.append(' ').append(label).append(" / ").append(labels.get(0)).append(" |");
            rule.append("---:|");
        }
        table.append('\n').append(rule).append('\n');

        List<String[]> rows = new ArrayList<>();
        for (BenchmarkRecord record : records) {
            String[] key = {record.param("fixture"), record.method()};
            if (rows.stream().noneMatch(row -> row[0].equals(key[0]) && row[1].equals(key[1]))) {
                rows.add(key);
            }
        }
        rows.sort((a, b) -> {
            int byFixture = a[0].compareTo(b[0]);
            return byFixture != 0 ? byFixture : Integer.compare(order(a[1]), order(b[1]));
        });
        for (String[] row : rows) {
            table.append("| ").append(row[0].isEmpty() ? "-" : row[0]).append(" | ").append(row[1]).append(" |");
            List<Optional<SampleStats>> stats = new ArrayList<>();
            for (String label : labels) {
                Optional<SampleStats> found = records.stream()
                        .filter(r -> r.param("fixture").equals(row[0]) && r.method().equals(row[1])
                                && r.param("toolchain").equals(label))
                        .findFirst().map(BenchmarkRecord::wallStats);
                stats.add(found);
                table.append(' ').append(found.map(s -> CoreTable.formatMs(s.median()) + " ms").orElse("not run"))
                        .append(" | ").append(found.map(CoreTable::interval).orElse("")).append(" |");
            }
            for (int i = 1; i < labels.size(); i++) {
                Optional<SampleStats> base = stats.get(0);
                Optional<SampleStats> other = stats.get(i);
                table.append(' ').append(base.isPresent() && other.isPresent()
                        ? String.format(Locale.ROOT, "%.2fx", other.get().median() / base.get().median()) : "")
                        .append(" |");
            }
            table.append('\n');
        }
        return table.toString();
    }

    private static int order(String method) {
        int index = CoreTable.SCENARIOS.indexOf(method);
        return index < 0 ? CoreTable.SCENARIOS.size() : index;
    }
}
