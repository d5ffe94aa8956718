package dev.gorunbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Temp directories: the temp locations with their file systems, creating, writing and deleting trees,
 * the fresh-executable penalty and {@code go run} with its temp directories in each location. Ratios
 * divide by the reference location: the first location measured that is not a tmpfs (the disk), so a
 * tmpfs row shows the tmpfs/disk ratio.
 */
final class TempSection implements ReportSection {
    private static final List<String> METHODS = List.of(
            "tempDirCreate", "tempTreeWrite", "tempTreeDelete", "freshExecutable", "reusedExecutable", "goRunTmpdir");

    @Override
    public String render(ObjectNode results, List<BenchmarkRecord> records, List<String> fixtures) {
        List<BenchmarkRecord> own = records.stream().filter(r -> METHODS.contains(r.method())).toList();
        if (own.isEmpty()) {
            return "";
        }
        Map<String, JsonNode> locations = locations(results, own);
        String reference = reference(locations, own);
        String ratioHeading = "ratio to " + reference;

        StringBuilder page = new StringBuilder();
        page.append("## Temp directories and the fresh-executable penalty\n\n");
        page.append("Each benchmark runs in every usable temp location: `default` is the JVM's `java.io.tmpdir`, "
                + "`shm` is `/dev/shm` where it is a tmpfs, others are paths given with `-Dbench.tmpdirs`. A ratio "
                + "divides a median by the median of the same row in location `" + reference + "`, the first "
                + "location that is not a tmpfs, so on a tmpfs row it is the tmpfs/disk ratio; below 1 is faster. "
                + "Intervals are distribution-free 95% confidence intervals of the median.\n\n");

        page.append("### Temp locations\n\n");
        page.append("| location | path | file system | mount options | status |\n|---|---|---|---|---|\n");
        locations.forEach((label, node) -> page.append("| ").append(label)
                .append(" | ").append(cell(node.path("path").asText("unknown")))
                .append(" | ").append(cell(node.path("fileSystem").asText("unknown")))
                .append(" | ").append(cell(node.path("mountOptions").asText("unknown")))
                .append(" | ").append(cell(status(node)))
                .append(" |\n"));
        page.append('\n');

        appendDirectoryCreation(page, own, locations, reference, ratioHeading);
        appendTrees(page, own, locations, reference, ratioHeading);
        appendExecutables(page, own, locations);
        appendGoRun(page, own, locations, reference, ratioHeading, fixtures);

        page.append("Page cache: ").append(cell(pageCacheNote(results)))
                .append(". Trees are written without fsync, as the go command writes its work files, so a write "
                        + "sample ends with the data in the page cache, possibly not yet on disk, and a delete sample "
                        + "deletes a tree written just before it. Programs are run from the page cache. `go run` reads "
                        + "its build cache and sources from the page cache, warmed by the trial's untimed setup.\n\n");
        page.append("Reproduce: `mvn verify -Pbench").append(MarkdownReport.includeArgument(results)).append("`\n\n");
        return page.toString();
    }

    private static void appendDirectoryCreation(StringBuilder page, List<BenchmarkRecord> records,
            Map<String, JsonNode> locations, String reference, String ratioHeading) {
        List<BenchmarkRecord> created = ofMethod(records, "tempDirCreate");
        if (created.isEmpty()) {
            return;
        }
        page.append("### Creating one directory\n\n");
        page.append("`tempDirCreate`: one new uniquely named directory, as the go command creates its work directory.\n\n");
        page.append("| location | file system | median | 95% CI of median | samples | ").append(ratioHeading)
                .append(" |\n|---|---|---:|---:|---:|---:|\n");
        for (String location : locations.keySet()) {
            find(created, r -> r.param("location").equals(location)).ifPresent(record -> {
                Optional<BenchmarkRecord> base = find(created, r -> r.param("location").equals(reference));
                page.append("| ").append(location)
                        .append(" | ").append(fileSystem(locations, location))
                        .append(" | ").append(median(record))
                        .append(" | ").append(interval(record.wallStats()))
                        .append(" | ").append(record.wallStats().count())
                        .append(" | ").append(ratio(record, base))
                        .append(" |\n");
            });
        }
        page.append('\n');
    }

    private static void appendTrees(StringBuilder page, List<BenchmarkRecord> records, Map<String, JsonNode> locations,
            String reference, String ratioHeading) {
        List<BenchmarkRecord> written = ofMethod(records, "tempTreeWrite");
        List<BenchmarkRecord> deleted = ofMethod(records, "tempTreeDelete");
        if (written.isEmpty() && deleted.isEmpty()) {
            return;
        }
        Set<String> sizes = new LinkedHashSet<>();
        List<BenchmarkRecord> both = new ArrayList<>(written);
        both.addAll(deleted);
        both.stream().map(r -> r.param("files") + " x " + r.param("fileBytes"))
                .sorted((a, b) -> Long.compare(firstNumber(a), firstNumber(b))).forEach(sizes::add);

        page.append("### Writing and deleting a tree\n\n");
        page.append("`tempTreeWrite` writes FILES files of BYTES bytes each, 100 to a subdirectory like the go "
                + "command's `b001`, `b002`; `tempTreeDelete` deletes such a tree, written untimed just before, "
                + "without following symbolic links.\n\n");
        page.append("| files x bytes | location | file system | write median | write 95% CI | write ").append(ratioHeading)
                .append(" | delete median | delete 95% CI | delete ").append(ratioHeading)
                .append(" | samples (write, delete) |\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String size : sizes) {
            for (String location : locations.keySet()) {
                Predicate<BenchmarkRecord> row = r -> r.param("location").equals(location)
                        && (r.param("files") + " x " + r.param("fileBytes")).equals(size);
                Predicate<BenchmarkRecord> baseRow = r -> r.param("location").equals(reference)
                        && (r.param("files") + " x " + r.param("fileBytes")).equals(size);
                Optional<BenchmarkRecord> write = find(written, row);
                Optional<BenchmarkRecord> delete = find(deleted, row);
                if (write.isEmpty() && delete.isEmpty()) {
                    continue;
                }
                page.append("| ").append(size)
                        .append(" | ").append(location)
                        .append(" | ").append(fileSystem(locations, location))
                        .append(" | ").append(write.map(TempSection::median).orElse("-"))
                        .append(" | ").append(write.map(r -> interval(r.wallStats())).orElse("-"))
                        .append(" | ").append(write.map(r -> ratio(r, find(written, baseRow))).orElse("-"))
                        .append(" | ").append(delete.map(TempSection::median).orElse("-"))
                        .append(" | ").append(delete.map(r -> interval(r.wallStats())).orElse("-"))
                        .append(" | ").append(delete.map(r -> ratio(r, find(deleted, baseRow))).orElse("-"))
                        .append(" | ").append(write.map(r -> String.valueOf(r.wallStats().count())).orElse("-"))
                        .append(", ").append(delete.map(r -> String.valueOf(r.wallStats().count())).orElse("-"))
                        .append(" |\n");
            }
        }
        page.append('\n');
    }

    private static void appendExecutables(StringBuilder page, List<BenchmarkRecord> records,
            Map<String, JsonNode> locations) {
        List<BenchmarkRecord> fresh = ofMethod(records, "freshExecutable");
        List<BenchmarkRecord> reused = ofMethod(records, "reusedExecutable");
        if (fresh.isEmpty() && reused.isEmpty()) {
            return;
        }
        page.append("### Fresh against reused executable\n\n");
        page.append("`freshExecutable` copies the fixture's built program to a new path in the location and runs it "
                + "at once, as `go run` runs the program its linker just wrote; `copy` is the copy alone, part of the "
                + "fresh time. `reusedExecutable` runs the same program from a path it ran from before. The "
                + "first-exec penalty is estimated as fresh minus copy minus reused, from the three medians (an "
                + "estimate without an interval: near 0, or below 0 within the noise, where nothing scans new "
                + "executables).\n\n");
        page.append("| fixture | location | file system | fresh median | fresh 95% CI | copy median | reused median "
                + "| reused 95% CI | first-exec penalty | samples (fresh, reused) |\n"
                + "|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        Set<String> fixtures = new LinkedHashSet<>();
        fresh.forEach(r -> fixtures.add(r.param("fixture")));
        reused.forEach(r -> fixtures.add(r.param("fixture")));
        for (String fixture : fixtures) {
            for (String location : locations.keySet()) {
                Predicate<BenchmarkRecord> row = r -> r.param("location").equals(location) && r.param("fixture").equals(fixture);
                Optional<BenchmarkRecord> first = find(fresh, row);
                Optional<BenchmarkRecord> again = find(reused, row);
                if (first.isEmpty() && again.isEmpty()) {
                    continue;
                }
                Optional<Double> copy = first.flatMap(r -> secondaryMedian(r, "copyMs"));
                String penalty = first.isPresent() && again.isPresent() && copy.isPresent()
                        ? format(first.get().wallStats().median() - copy.get() - again.get().wallStats().median())
                                + " ms"
                        : "-";
                page.append("| ").append(fixture)
                        .append(" | ").append(location)
                        .append(" | ").append(fileSystem(locations, location))
                        .append(" | ").append(first.map(TempSection::median).orElse("-"))
                        .append(" | ").append(first.map(r -> interval(r.wallStats())).orElse("-"))
                        .append(" | ").append(copy.map(c -> format(c) + " ms").orElse("-"))
                        .append(" | ").append(again.map(TempSection::median).orElse("-"))
                        .append(" | ").append(again.map(r -> interval(r.wallStats())).orElse("-"))
                        .append(" | ").append(penalty)
                        .append(" | ").append(first.map(r -> String.valueOf(r.wallStats().count())).orElse("-"))
                        .append(", ").append(again.map(r -> String.valueOf(r.wallStats().count())).orElse("-"))
                        .append(" |\n");
            }
        }
        page.append('\n');
    }

    private static void appendGoRun(StringBuilder page, List<BenchmarkRecord> records, Map<String, JsonNode> locations,
            String reference, String ratioHeading, List<String> fixtures) {
        List<BenchmarkRecord> runs = ofMethod(records, "goRunTmpdir");
        if (runs.isEmpty()) {
            return;
        }
        page.append("### go run with its temp directories in each location\n\n");
        page.append("`goRunTmpdir`: `go run .` with the standard library cached and every Go file of the fixture "
                + "edited, with GOTMPDIR and TMPDIR (TMP and TEMP on Windows) in the location, because the linker "
                + "and cgo's C compiler use the system variables. The work directory columns count what one such "
                + "`go run` leaves in its work directory (from a `go run -work` counted once per trial, untimed); "
                + "files the C compiler writes to TMPDIR and deletes itself are not counted.\n\n");
        page.append("| fixture | location | file system | median | 95% CI of median | CPU median | samples | ")
                .append(ratioHeading).append(" | work dir files | work dir directories | work dir bytes |\n")
                .append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String fixture : fixtures) {
            for (String location : locations.keySet()) {
                Optional<BenchmarkRecord> found = find(runs,
                        r -> r.param("fixture").equals(fixture) && r.param("location").equals(location));
                if (found.isEmpty()) {
                    continue;
                }
                BenchmarkRecord record = found.get();
                Optional<BenchmarkRecord> base = find(runs,
                        r -> r.param("fixture").equals(fixture) && r.param("location").equals(reference));
                page.append("| ").append(fixture)
                        .append(" | ").append(location)
                        .append(" | ").append(fileSystem(locations, location))
                        .append(" | ").append(median(record))
                        .append(" | ").append(interval(record.wallStats()))
                        .append(" | ").append(secondaryMedian(record, "cpuMs").filter(c -> c >= 0)
                                .map(c -> format(c) + " ms").orElse("not reported"))
                        .append(" | ").append(record.wallStats().count())
                        .append(" | ").append(ratio(record, base))
                        .append(" | ").append(count(record, "workFiles"))
                        .append(" | ").append(count(record, "workDirs"))
                        .append(" | ").append(count(record, "workBytes"))
                        .append(" |\n");
            }
        }
        page.append('\n');
    }

    /** Returns the locations of the results environment by label, plus any label only the records name. */
    private static Map<String, JsonNode> locations(ObjectNode results, List<BenchmarkRecord> records) {
        Map<String, JsonNode> byLabel = new LinkedHashMap<>();
        results.path("environment").path("tempLocations").forEach(node -> byLabel.put(node.path("label").asText(), node));
        records.stream().map(r -> r.param("location")).filter(l -> !l.isEmpty())
                .forEach(label -> byLabel.putIfAbsent(label, results.missingNode()));
        return byLabel;
    }

    /** Returns the first measured location that is not a tmpfs, or the first measured location. */
    private static String reference(Map<String, JsonNode> locations, List<BenchmarkRecord> records) {
        Set<String> measured = new LinkedHashSet<>();
        locations.keySet().stream().filter(l -> records.stream().anyMatch(r -> r.param("location").equals(l)))
                .forEach(measured::add);
        return measured.stream()
                .filter(l -> !locations.get(l).path("fileSystem").asText("").equals("tmpfs"))
                .findFirst()
                .orElse(measured.stream().findFirst().orElse("default"));
    }

    private static String status(JsonNode location) {
        if (!location.path("skipReason").isNull() && !location.path("skipReason").isMissingNode()) {
            return "skipped: " + location.path("skipReason").asText();
        }
        if (!location.path("skipReasonForPrograms").isNull() && !location.path("skipReasonForPrograms").isMissingNode()) {
            return "used, but not by benchmarks that run programs: " + location.path("skipReasonForPrograms").asText();
        }
        return location.isMissingNode() ? "not recorded" : "used";
    }

    private static String pageCacheNote(ObjectNode results) {
        return results.path("environment").path("pageCache").asText("not recorded");
    }

    private static String fileSystem(Map<String, JsonNode> locations, String label) {
        return cell(locations.get(label).path("fileSystem").asText("unknown"));
    }

    private static List<BenchmarkRecord> ofMethod(List<BenchmarkRecord> records, String method) {
        return records.stream().filter(r -> r.method().equals(method)).toList();
    }

    private static Optional<BenchmarkRecord> find(List<BenchmarkRecord> records, Predicate<BenchmarkRecord> condition) {
        return records.stream().filter(condition).findFirst();
    }

    private static String median(BenchmarkRecord record) {
        return format(record.wallStats().median()) + " " + record.unit().replace("/op", "");
    }

    private static String ratio(BenchmarkRecord record, Optional<BenchmarkRecord> base) {
        return base.filter(b -> b.wallStats().median() > 0)
                .map(b -> String.format(Locale.ROOT, "%.2fx", record.wallStats().median() / b.wallStats().median()))
                .orElse("-");
    }

    private static Optional<Double> secondaryMedian(BenchmarkRecord record, String metric) {
        double[] values = record.secondary().get(metric);
        return values == null || values.length == 0 ? Optional.empty() : Optional.of(SampleStats.of(values).median());
    }

    private static String count(BenchmarkRecord record, String metric) {
        return secondaryMedian(record, metric).map(v -> String.format(Locale.ROOT, "%,d", Math.round(v))).orElse("-");
    }

    /** Formats a time like the core table, with three decimals below 1 so that microsecond trees keep their digits. */
    static String format(double value) {
        return Math.abs(value) < 1 ? String.format(Locale.ROOT, "%.3f", value) : CoreTable.formatMs(value);
    }

    private static String interval(SampleStats stats) {
        return stats.hasInterval() ? format(stats.lower()) + " to " + format(stats.upper()) : "n < 6";
    }

    private static long firstNumber(String text) {
        try {
            return Long.parseLong(text.substring(0, text.indexOf(' ')));
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
