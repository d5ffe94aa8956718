package dev.gorunbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The charts of the HTML report, built from the JMH records of one or more results files. A chart whose
 * records are missing from every file is left out. With several files, every bar is repeated once per
 * environment, in the colour of that environment.
 */
final class Charts {
    /** The temp-directory benchmarks, which share the parameter {@code location}. */
    static final List<String> TEMP_METHODS = List.of("tempDirCreate", "tempTreeWrite", "tempTreeDelete",
            "freshExecutable", "reusedExecutable", "goRunTmpdir");
    static final List<String> GO_TOOL_METHODS = List.of("goToolCompile", "goToolLink");

    private Charts() {
    }

    static List<BarChart> of(List<ResultsRun> runs) {
        List<BarChart> charts = new ArrayList<>();
        core(runs).ifPresent(charts::add);
        charts.addAll(waterfalls(runs));
        cStages(runs).ifPresent(charts::add);
        goTools(runs).ifPresent(charts::add);
        temp(runs).ifPresent(charts::add);
        ratios(runs).ifPresent(charts::add);
        return charts;
    }

    private static List<String> runLabels(List<ResultsRun> runs) {
        return runs.stream().map(ResultsRun::label).toList();
    }

    /** Builds the chart of cold, warm and exec medians per fixture on a log scale, with the 95% interval as a whisker. */
    static Optional<BarChart> core(List<ResultsRun> runs) {
        List<BarChart.Row> rows = new ArrayList<>();
        for (String fixture : fixtures(runs)) {
            for (String scenario : CoreTable.SCENARIOS) {
                for (int i = 0; i < runs.size(); i++) {
                    Optional<BenchmarkRecord> record = runs.get(i).find(scenario, fixture);
                    Optional<SampleStats> stats = Samples.stats(record);
                    if (stats.isEmpty()) {
                        continue;
                    }
                    int series = runs.size() > 1 ? i : scenario.startsWith("goRun") ? 0
                            : scenario.startsWith("goBuild") ? 1 : 2;
                    rows.add(runs.size() > 1
                            ? bar(fixture + ": " + scenario, runs.get(i).label(), runs, i, stats.get(), series)
                            : bar(fixture, scenario, runs, i, stats.get(), series));
                }
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BarChart("chart-core", "Core scenarios: median wall time per fixture",
                "median wall time per command, ms (log scale)", true,
                runs.size() > 1 ? runLabels(runs) : List.of("go run", "go build -o", "built binary"), rows,
                "One bar per scenario: the median of its samples; the whisker is the 95% confidence interval of the "
                        + "median (shown from 6 samples on).", Double.NaN));
    }

    /**
     * Builds the waterfall of where one {@code go run} goes, per fixture, for the cold-project and warm cases, from records of the
     * same run: the matching {@code go build -o} (compile, link and the go command's planning and cache
     * checks), starting and running the built binary ({@code execBinary}), and the remainder that only
     * {@code go run} pays (its temp directory, the executable it writes or takes from the cache, clean-up).
     * A negative remainder means {@code go run} did less than {@code go build -o} plus exec, for example
     * by reusing a cached executable.
     *
     * <p>NOTE: these parts are medians of separate benchmarks, not timings of the tools inside one
     * {@code go run}; a per-tool breakdown (for example from {@code go build -toolexec}) would split the
     * first part further once its records are in the results file.
     */
    static List<BarChart> waterfalls(List<ResultsRun> runs) {
        List<BarChart> charts = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            ResultsRun run = runs.get(i);
            List<BarChart.Row> rows = new ArrayList<>();
            for (String fixture : run.fixtures()) {
                for (String[] scenario : new String[][] {{"goRunColdProject", "goBuildColdProject", "cold project"},
                        {"goRunWarm", "goBuildWarm", "warm"}}) {
                    Optional<SampleStats> total = Samples.stats(run.find(scenario[0], fixture));
                    Optional<SampleStats> build = Samples.stats(run.find(scenario[1], fixture));
                    Optional<SampleStats> exec = Samples.stats(run.find("execBinary", fixture));
                    if (total.isEmpty() || build.isEmpty() || exec.isEmpty()) {
                        continue;
                    }
                    String group = fixture + ", " + scenario[2];
                    double b = build.get().median();
                    double e = exec.get().median();
                    double t = total.get().median();
                    double rest = t - b - e;
                    rows.add(new BarChart.Row(group, scenario[1], List.of(BarChart.Segment.part(0, b, 0,
                            scenario[1] + " median " + Samples.ms(b))), Samples.ms(b)));
                    rows.add(new BarChart.Row(group, "execBinary", List.of(BarChart.Segment.part(b, e, 1,
                            "execBinary median " + Samples.ms(e))), "+" + Samples.ms(e)));
                    rows.add(new BarChart.Row(group, "go run remainder", List.of(BarChart.Segment.part(
                            Math.min(b + e, t), Math.abs(rest), 2, "remainder " + Samples.ms(rest))),
                            (rest >= 0 ? "+" : "") + Samples.ms(rest)));
                    rows.add(new BarChart.Row(group, scenario[0] + " total", List.of(BarChart.Segment.part(0, t, 3,
                            scenario[0] + " median " + Samples.ms(t))), Samples.ms(t)));
                }
            }
            if (rows.isEmpty()) {
                continue;
            }
            String suffix = runs.size() > 1 ? " (" + run.label() + ")" : "";
            charts.add(new BarChart("chart-waterfall-" + i, "Where the time of go run goes" + suffix,
                    "median wall time, ms", false,
                    List.of("go build -o (compile, link, planning)", "start and run the binary", "go run only",
                            "go run total"),
                    rows, "Each part starts where the previous one ends. Parts are medians of separate benchmarks "
                            + "of the same run, so they add up to the total only approximately; a negative remainder "
                            + "means go run did less than go build -o plus exec (it reused a cached executable).",
                    Double.NaN));
        }
        return charts;
    }

    /** Builds the chart of the four C stages stacked per language and optimization level, beside the one-shot call. */
    static Optional<BarChart> cStages(List<ResultsRun> runs) {
        List<BarChart.Row> rows = new ArrayList<>();
        for (ResultsRun run : runs) {
            for (StageGroup group : StageGroup.of(run)) {
                String label = group.label() + (runs.size() > 1 ? " (" + run.label() + ")" : "");
                List<BarChart.Segment> stack = new ArrayList<>();
                double start = 0;
                for (int s = 0; s < FolkClaims.C_STAGES.size(); s++) {
                    String stage = FolkClaims.C_STAGES.get(s);
                    stack.add(BarChart.Segment.part(start, group.median(stage), s,
                            stage + " median " + Samples.ms(group.median(stage))));
                    start += group.median(stage);
                }
                rows.add(new BarChart.Row("", label + ", stages", stack, Samples.ms(start)));
                double oneShot = group.median(StageGroup.ONE_SHOT);
                if (!Double.isNaN(oneShot)) {
                    rows.add(new BarChart.Row("", label + ", one call",
                            List.of(BarChart.Segment.part(0, oneShot, 4, "oneShot median " + Samples.ms(oneShot))),
                            Samples.ms(oneShot)));
                }
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<String> series = new ArrayList<>(FolkClaims.C_STAGES);
        series.add("one gcc/g++ call doing all four");
        return Optional.of(new BarChart("chart-c-stages", "C and C++ build stages of the cgo fixture",
                "median wall time, ms", false, series, rows,
                "Stacked medians of each stage, each fed by the previous stage's output prepared untimed, against "
                        + "one compiler call that does all four.", Double.NaN));
    }

    /** Builds the chart of the Go compiler and linker run directly on one package and the main package. */
    static Optional<BarChart> goTools(List<ResultsRun> runs) {
        List<BarChart.Row> rows = new ArrayList<>();
        for (String method : GO_TOOL_METHODS) {
            for (int i = 0; i < runs.size(); i++) {
                for (BenchmarkRecord record : runs.get(i).all(method)) {
                    Optional<SampleStats> stats = Samples.stats(Optional.of(record));
                    if (stats.isPresent()) {
                        String label = record.paramText().isEmpty() ? method : record.paramText();
                        rows.add(bar(method, label, runs, i, stats.get(), runs.size() > 1 ? i : 0));
                    }
                }
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BarChart("chart-go-tools", "Go tool stages: go tool compile and go tool link",
                "median wall time, ms", false, runs.size() > 1 ? runLabels(runs) : List.of("median"), rows,
                "The two big stages of a Go build, run directly, so each can be tracked on its own.", Double.NaN));
    }

    /** Builds the chart of every temp-directory benchmark on a log scale, one bar per location. */
    static Optional<BarChart> temp(List<ResultsRun> runs) {
        Set<String> locations = new LinkedHashSet<>();
        runs.forEach(run -> locations.addAll(TempLocations.of(run)));
        List<String> locationList = new ArrayList<>(locations);
        List<BarChart.Row> rows = new ArrayList<>();
        for (String method : TEMP_METHODS) {
            Map<String, List<BarChart.Row>> groups = new LinkedHashMap<>();
            for (int i = 0; i < runs.size(); i++) {
                ResultsRun run = runs.get(i);
                for (BenchmarkRecord record : run.all(method)) {
                    Optional<SampleStats> stats = Samples.stats(Optional.of(record));
                    String location = record.param("location");
                    if (stats.isEmpty() || location.isEmpty()) {
                        continue;
                    }
                    StringBuilder group = new StringBuilder(method);
                    record.params().forEach((name, value) -> {
                        if (!name.equals("location")) {
                            group.append(' ').append(name).append('=').append(value);
                        }
                    });
                    String fileSystem = TempLocations.fileSystem(run, location);
                    String label = location + (fileSystem.isEmpty() ? "" : " (" + fileSystem + ")")
                            + (runs.size() > 1 ? ", " + run.label() : "");
                    groups.computeIfAbsent(group.toString(), k -> new ArrayList<>())
                            .add(bar(group.toString(), label, runs, i, stats.get(), locationList.indexOf(location)));
                }
            }
            groups.values().forEach(rows::addAll);
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BarChart("chart-temp", "Temp locations: directory work, executables and go run",
                "median wall time, ms (log scale)", true, locationList, rows,
                "One bar per temp location (with its file-system type where the run recorded it); the whisker is "
                        + "the 95% confidence interval of the median.", Double.NaN));
    }

    /**
     * Builds the chart of the ratio of each later file's median to the first file's median, per benchmark and
     * parameter set present in both, so the first file is the baseline. Returns empty for a single file.
     */
    static Optional<BarChart> ratios(List<ResultsRun> runs) {
        if (runs.size() < 2) {
            return Optional.empty();
        }
        ResultsRun baseline = runs.get(0);
        List<BarChart.Row> rows = new ArrayList<>();
        for (BenchmarkRecord base : baseline.records()) {
            Optional<SampleStats> baseStats = Samples.stats(Optional.of(base));
            if (baseStats.isEmpty()) {
                continue;
            }
            String group = base.method() + (base.paramText().isEmpty() ? "" : " " + base.paramText());
            for (int i = 1; i < runs.size(); i++) {
                Optional<SampleStats> other = Samples.stats(runs.get(i).find(base.method(),
                        r -> r.params().equals(base.params())));
                if (other.isPresent()) {
                    double ratio = other.get().median() / baseStats.get().median();
                    rows.add(new BarChart.Row(group, runs.get(i).label(),
                            List.of(BarChart.Segment.part(0, ratio, i - 1, group + ": " + Samples.ratio(ratio))),
                            Samples.ratio(ratio)));
                }
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BarChart("chart-ratio", "Ratio of medians against " + baseline.label(),
                "median / median of " + baseline.label() + " (x)", false,
                runLabels(runs).subList(1, runs.size()), rows,
                "Above the line at 1x the environment took longer than the baseline (the first results file).", 1.0));
    }

    private static BarChart.Row bar(String group, String label, List<ResultsRun> runs, int run, SampleStats stats,
            int series) {
        String rowLabel = runs.size() > 1 && !label.contains(runs.get(run).label())
                ? label + ", " + runs.get(run).label() : label;
        String tooltip = group + " " + rowLabel + ": median " + Samples.ms(stats.median())
                + (stats.hasInterval() ? ", 95% CI " + Samples.ms(stats.lower()) + " to " + Samples.ms(stats.upper())
                : "") + ", " + stats.count() + " samples";
        return new BarChart.Row(group, rowLabel, List.of(BarChart.Segment.bar(stats.median(), series, stats, tooltip)),
                Samples.ms(stats.median()));
    }

    private static List<String> fixtures(List<ResultsRun> runs) {
        Set<String> fixtures = new LinkedHashSet<>();
        runs.forEach(run -> fixtures.addAll(run.fixtures()));
        return new ArrayList<>(fixtures);
    }
}
