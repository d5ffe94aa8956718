package dev.gorunbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.results.ResultsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Build stages: the C stage table and gcc's per-pass summary from the suite's results file, the Go tool
 * benchmarks, and from {@code results/go-tools.json} (written by {@code Cli go-tools}) the calls and time
 * per tool and the {@code go run} waterfalls.
 */
final class BuildStagesSection implements ReportSection {
    static final String GO_TOOLS_FILE = "go-tools.json";
    private static final List<String> C_STAGES = List.of("preprocess", "compile", "assemble", "link", "oneShot");

    @Override
    public String render(ObjectNode results, List<BenchmarkRecord> records, List<String> fixtures) {
        return render(results, records, fixtures, null);
    }

    @Override
    public String render(ObjectNode results, List<BenchmarkRecord> records, List<String> fixtures, Path resultsDir) {
        List<BenchmarkRecord> cStages = records.stream().filter(r -> r.method().equals("cStage")).toList();
        List<BenchmarkRecord> goTools = records.stream()
                .filter(r -> r.method().equals("goToolCompile") || r.method().equals("goToolLink")).toList();
        JsonNode study = readStudy(resultsDir);
        if (cStages.isEmpty() && goTools.isEmpty() && study == null) {
            return "";
        }
        StringBuilder page = new StringBuilder("## Build stages\n\n");
        if (!cStages.isEmpty()) {
            page.append(cStageTable(cStages));
            page.append(timeReports(results.path("attachments")));
            page.append("Reproduce: `mvn verify -Pbench").append(profileArgument(results))
                    .append(" -Dbench.include=CStageBenchmark`\n\n");
        }
        if (!goTools.isEmpty()) {
            page.append(goToolTable(goTools));
            page.append("Reproduce: `mvn verify -Pbench").append(profileArgument(results))
                    .append(" -Dbench.include=GoToolBenchmark`\n\n");
        }
        if (study != null) {
            page.append(studyTables(study));
        }
        return page.toString();
    }

    static String cStageTable(List<BenchmarkRecord> records) {
        StringBuilder table = new StringBuilder("### C and C++ stages of the cgo fixture's native code\n\n");
        table.append("Wall time of one stage of a small program built from the cgo fixture's sources (C: `hash.c` and a "
                + "generated driver; C++: `matrix.cpp` and a generated translation unit of template instantiations), "
                + "one compiler-driver call per translation unit, each stage fed by the previous stage's output made "
                + "untimed. The share divides the stage's median by the median of `oneShot` (one driver call from "
                + "sources to executable) of the same language and level; the stage sum row adds the four medians.\n\n");
        table.append("| language | optimization | stage | median | 95% CI of median | samples | share of oneShot |\n");
        table.append("|---|---|---|---:|---:|---:|---:|\n");
        Set<String> groups = new LinkedHashSet<>();
        records.forEach(r -> groups.add(r.param("language") + " " + r.param("optimization")));
        for (String group : groups) {
            String language = group.substring(0, group.indexOf(' '));
            String optimization = group.substring(group.indexOf(' ') + 1);
            Map<String, SampleStats> byStage = new LinkedHashMap<>();
            String unit = "ms";
            for (String stage : C_STAGES) {
                Optional<BenchmarkRecord> record = records.stream()
                        .filter(r -> r.param("language").equals(language) && r.param("optimization").equals(optimization)
                                && r.param("stage").equals(stage))
                        .findFirst();
                if (record.isPresent()) {
                    byStage.put(stage, record.get().wallStats());
                    unit = record.get().unit().replace("/op", "");
                }
            }
            SampleStats oneShot = byStage.get("oneShot");
            double stageSum = 0;
            int stagesFound = 0;
            for (Map.Entry<String, SampleStats> entry : byStage.entrySet()) {
                SampleStats stats = entry.getValue();
                if (!entry.getKey().equals("oneShot")) {
                    stageSum += stats.median();
                    stagesFound++;
                }
                table.append("| ").append(language).append(" | ").append(optimization).append(" | ").append(entry.getKey())
                        .append(" | ").append(CoreTable.formatMs(stats.median())).append(' ').append(unit)
                        .append(" | ").append(CoreTable.interval(stats))
                        .append(" | ").append(stats.count())
                        .append(" | ").append(share(stats.median(), oneShot)).append(" |\n");
            }
            if (stagesFound == 4) {
                table.append("| ").append(language).append(" | ").append(optimization).append(" | sum of the four stages | ")
                        .append(CoreTable.formatMs(stageSum)).append(' ').append(unit).append(" | | | ")
                        .append(share(stageSum, oneShot)).append(" |\n");
            }
        }
        return table.append('\n').toString();
    }

    /** Returns gcc's phase summary lines of each {@code -ftime-report} attachment. */
    static String timeReports(JsonNode attachments) {
        List<String> names = new ArrayList<>();
        attachments.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("ftime-report-")) {
                names.add(name);
            }
        });
        if (names.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("gcc's own report of the compile stage (`-ftime-report`, one untimed run "
                + "per language and level; the full report of every pass is in the results file under `attachments`). "
                + "The phase lines, per translation unit:\n\n");
        for (String name : names) {
            text.append("`").append(name).append("`:\n\n```\n");
            for (String line : attachments.path(name).asText().split("\n")) {
                if (line.startsWith("== ") || line.stripLeading().startsWith("phase ") || line.stripLeading().startsWith("TOTAL")) {
                    text.append(line).append('\n');
                }
            }
            text.append("```\n\n");
        }
        return text.toString();
    }

    static String goToolTable(List<BenchmarkRecord> records) {
        StringBuilder table = new StringBuilder("### Go compiler and linker on their own\n\n");
        table.append("The toolchain's `compile` on one package of `multipkg` (`internal/anomaly`) and its `link` on the "
                + "main package, run directly with import configs from `go list -deps -export -json`, without the go "
                + "command.\n\n");
        table.append("| benchmark | median | 95% CI of median | CPU median | samples |\n|---|---:|---:|---:|---:|\n");
        for (BenchmarkRecord record : records) {
            SampleStats stats = record.wallStats();
            double[] cpu = record.secondary().get("cpuMs");
            String cpuMedian = cpu == null || cpu.length == 0 || SampleStats.of(cpu).median() < 0
                    ? "not reported" : CoreTable.formatMs(SampleStats.of(cpu).median()) + " ms";
            table.append("| ").append(record.method()).append(" | ").append(CoreTable.formatMs(stats.median())).append(' ')
                    .append(record.unit().replace("/op", "")).append(" | ").append(CoreTable.interval(stats))
                    .append(" | ").append(cpuMedian).append(" | ").append(stats.count()).append(" |\n");
        }
        return table.append('\n').toString();
    }

    static String studyTables(JsonNode study) {
        StringBuilder page = new StringBuilder();
        String command = study.path("command").asText("java -cp benchmarks/target/benchmarks.jar dev.gorunbench.Cli go-tools");
        page.append("### Calls and time per tool\n\n");
        page.append("Every tool the go command started, recorded by `tools/toolexec-recorder` (built with the toolchain "
                + "under test) through `-toolexec`, and the C compiler through copies of it named gcc, g++, cc, c++, clang "
                + "and clang++ first on PATH, because the go command, cgo and the external linker start the C compiler "
                + "without `-toolexec`. One run per scenario (")
                .append(study.path("environment").path("go").path("versionLine").asText("Go version not recorded"))
                .append(", ").append(study.path("environment").path("timeUtc").asText("time not recorded"))
                .append("). A cell is calls, summed wall time and its share of the whole command's wall time; tools run "
                        + "in parallel, so shares can add up to more than 100%, and a C compiler call under cgo or link is "
                        + "also inside that tool's time. Tool ID queries are the version questions (`-V=full`, `-###`) "
                        + "the go command asks for its cache keys.\n\n");
        for (JsonNode fixture : study.path("fixtures")) {
            page.append(toolTable(fixture));
        }
        page.append("### Where `go run`'s time goes\n\n");
        page.append("One `go run -toolexec=RECORDER -exec=RECORDER -debug-trace=TRACE .` per case. The parts come from "
                + "the JVM's wall clock, the recorder and the go command's trace, which all read the system's real-time "
                + "clock; they cover the run's timeline, so the sum differs from the measured total only where the "
                + "three disagree, and it must stay within 10%. Each part says how it was measured. The recorder and the "
                + "trace add their own cost (a process start per tool call, trace events) to the parts they fall in. The "
                + "trace of the cold-project run of each fixture is kept as `results/go-run-trace-FIXTURE.json`; open it "
                + "in a Chrome-trace viewer such as https://ui.perfetto.dev.\n\n");
        for (JsonNode fixture : study.path("fixtures")) {
            page.append(waterfallTable(fixture));
        }
        page.append("Checks:\n\n");
        for (JsonNode check : study.path("checks")) {
            page.append("- ").append(check.path("passed").asBoolean() ? "passed: " : "FAILED: ")
                    .append(check.path("check").asText()).append(" (").append(check.path("detail").asText()).append(")\n");
        }
        page.append("\nReproduce: `").append(command).append("`\n\n");
        return page.toString();
    }

    static String toolTable(JsonNode fixture) {
        List<JsonNode> scenarios = new ArrayList<>();
        fixture.path("scenarios").forEach(scenarios::add);
        Set<String> tools = new LinkedHashSet<>();
        scenarios.forEach(s -> s.path("tools").forEach(t -> tools.add(t.path("tool").asText())));
        StringBuilder table = new StringBuilder("`").append(fixture.path("fixture").asText()).append("`:\n\n| tool |");
        StringBuilder rule = new StringBuilder("|---|");
        for (JsonNode scenario : scenarios) {
            table.append(' ').append(scenario.path("command").asText()).append(' ').append(scenario.path("scenario").asText())
                    .append(" |");
            rule.append("---:|");
        }
        table.append('\n').append(rule).append("\n| whole command |");
        scenarios.forEach(s -> table.append(' ').append(CoreTable.formatMs(s.path("wallMs").asDouble())).append(" ms |"));
        table.append('\n');
        for (String tool : tools) {
            table.append("| ").append(tool).append(" |");
            for (JsonNode scenario : scenarios) {
                JsonNode row = null;
                for (JsonNode candidate : scenario.path("tools")) {
                    if (candidate.path("tool").asText().equals(tool)) {
                        row = candidate;
                    }
                }
                table.append(row == null ? " 0 |" : String.format(Locale.ROOT, " %d, %s ms (%.0f%%) |",
                        row.path("calls").asInt(), CoreTable.formatMs(row.path("wallMs").asDouble()),
                        100 * row.path("shareOfBuild").asDouble()));
            }
            table.append('\n');
        }
        return table.append('\n').toString();
    }

    static String waterfallTable(JsonNode fixture) {
        List<JsonNode> cases = new ArrayList<>();
        fixture.path("waterfalls").forEach(cases::add);
        if (cases.isEmpty()) {
            return "";
        }
        Map<String, String> measuredBy = new LinkedHashMap<>();
        cases.forEach(c -> c.path("parts").forEach(p -> measuredBy.putIfAbsent(p.path("part").asText(),
                p.path("measuredBy").asText())));
        StringBuilder table = new StringBuilder("`").append(fixture.path("fixture").asText()).append("`:\n\n| part |");
        StringBuilder rule = new StringBuilder("|---|");
        for (JsonNode waterfall : cases) {
            table.append(" go run ").append(waterfall.path("scenario").asText()).append(" |");
            rule.append("---:|");
        }
        table.append(" measured by |\n").append(rule).append("---|\n");
        for (Map.Entry<String, String> part : measuredBy.entrySet()) {
            table.append("| ").append(part.getKey()).append(" |");
            for (JsonNode waterfall : cases) {
                double total = waterfall.path("totalMs").asDouble();
                Optional<Double> ms = Optional.empty();
                for (JsonNode candidate : waterfall.path("parts")) {
                    if (candidate.path("part").asText().equals(part.getKey())) {
                        ms = Optional.of(candidate.path("ms").asDouble());
                    }
                }
                table.append(ms.map(v -> String.format(Locale.ROOT, " %s ms (%.0f%%) |", CoreTable.formatMs(v), 100 * v / total))
                        .orElse(" 0 |"));
            }
            table.append(' ').append(part.getValue()).append(" |\n");
        }
        table.append("| sum of the parts |");
        cases.forEach(c -> table.append(' ').append(CoreTable.formatMs(c.path("sumMs").asDouble())).append(" ms |"));
        table.append(" |\n| measured total |");
        cases.forEach(c -> table.append(' ').append(CoreTable.formatMs(c.path("totalMs").asDouble())).append(" ms |"));
        table.append(" JVM wall clock around the go command |\n");
        if (fixture.has("trace")) {
            table.append("\nTrace: `results/").append(fixture.path("trace").asText()).append("`\n");
        }
        return table.append('\n').toString();
    }

    private static String profileArgument(ObjectNode results) {
        String profile = results.path("profile").asText("default");
        return profile.equals("default") ? "" : " -Dbench.profile=" + profile;
    }

    private static String share(double median, SampleStats oneShot) {
        return oneShot == null ? "no oneShot" : String.format(Locale.ROOT, "%.0f%%", 100 * median / oneShot.median());
    }

    /** Returns {@code resultsDir/go-tools.json}, or null when there is none. */
    private static JsonNode readStudy(Path resultsDir) {
        if (resultsDir == null || !Files.isRegularFile(resultsDir.resolve(GO_TOOLS_FILE))) {
            return null;
        }
        try {
            return ResultsFile.JSON.readTree(resultsDir.resolve(GO_TOOLS_FILE).toFile());
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + resultsDir.resolve(GO_TOOLS_FILE) + ": " + e.getMessage()
                    + ". Run Cli go-tools again to rewrite it.", e);
        }
    }
}
