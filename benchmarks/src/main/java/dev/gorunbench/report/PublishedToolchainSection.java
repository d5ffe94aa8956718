package dev.gorunbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.results.ResultsFile;
import dev.gorunbench.results.ResultsFormatException;
import dev.gorunbench.toolchain.GoToolchain;
import dev.gorunbench.toolchain.GoVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The published comparison of Go 1.19 and Go 1.26 on the core scenarios, read from its own results file
 * beside the one being reported ({@value #FILE_NAME}), which a separate run wrote. The page shows it
 * whatever run the rest of the page comes from.
 */
final class PublishedToolchainSection implements ReportSection {
    static final String FILE_NAME = "toolchains-go1.19-vs-go1.26.json";
    static final String COMMAND = "mvn verify -Pbench -DskipTests "
            + "'-Dbench.go=go1.19=/usr/lib/go-1.19/bin/go,go1.26=/usr/local/go/bin/go' "
            + "'-Dbench.include=ExecBinaryBenchmark|GoRunBenchmark.goRun(ColdProject|Incremental|Warm)$|"
            + "GoBuildBenchmark.goBuildWarm'";

    @Override
    public String render(ObjectNode results, List<BenchmarkRecord> records, List<String> fixtures) {
        return "";
    }

    @Override
    public String render(ObjectNode results, List<BenchmarkRecord> records, List<String> fixtures, Path resultsDir) {
        Path file = resultsDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return "";
        }
        ObjectNode published;
        try {
            published = ResultsFile.read(file);
        } catch (ResultsFormatException e) {
            return "## Go 1.19 and Go 1.26 compared\n\n" + e.getMessage() + "\n\n";
        }
        List<BenchmarkRecord> compared = new ArrayList<>();
        published.path("benchmarks").forEach(record -> compared.add(BenchmarkRecord.of(record)));
        List<String> labels = ToolchainTable.labels(compared);
        if (labels.size() < 2) {
            return "";
        }
        JsonNode env = published.path("environment");
        StringBuilder page = new StringBuilder("## Go 1.19 and Go 1.26 compared\n\n");
        page.append("From `results/").append(FILE_NAME).append("`, a separate run of profile `")
                .append(published.path("profile").asText()).append("` on ").append(env.path("timeUtc").asText())
                .append(" (").append(env.path("cpu").path("model").asText()).append(", ")
                .append(env.path("cpu").path("logicalCores").asText()).append(" logical cores):\n\n");
        page.append(describeToolchains(published));
        if (!published.path("note").asText().isEmpty()) {
            page.append("Note recorded with the run: ").append(published.path("note").asText()).append("\n\n");
        }
        page.append("Every case ran once under each toolchain before the next case started, the first toolchain "
                + "alternating, so drift in the machine's speed falls on both. Ratios divide the medians by those "
                + "of `").append(labels.get(0)).append("`.\n\n");
        page.append(ToolchainTable.render(compared, labels)).append('\n');
        page.append("`goRunWarm` shows the largest difference. Go 1.24 began caching the executables that `go run` "
                + "links, so a warm `go run` on a newer Go finds the program in the build cache and only checks "
                + "that nothing changed; older releases link it again on every call, which costs the link step each "
                + "time. ").append(cachingNote(published)).append(" `goBuildWarm` is the control: `go build` "
                + "of an unchanged project writes its output from the cache under both.\n\n");
        page.append("Reproduce (the comparison is a separate run, then the run's file is copied to `results/")
                .append(FILE_NAME).append("`): `").append(COMMAND).append("`\n\n");
        return page.toString();
    }

    /** Returns one line per toolchain of a results file: label, version line, executable. */
    static String describeToolchains(ObjectNode results) {
        StringBuilder text = new StringBuilder();
        for (JsonNode toolchain : results.path("toolchains")) {
            text.append("- `").append(toolchain.path("label").asText()).append("`: ")
                    .append(toolchain.path("versionLine").asText()).append(" at `")
                    .append(toolchain.path("executable").asText()).append("`\n");
        }
        return text.length() == 0 ? "" : text.append('\n').toString();
    }

    private static String cachingNote(ObjectNode results) {
        List<String> caching = new ArrayList<>();
        List<String> relinking = new ArrayList<>();
        for (JsonNode toolchain : results.path("toolchains")) {
            Optional<GoVersion> version = GoVersion.parse(toolchain.path("versionLine").asText());
            if (version.isEmpty()) {
                continue;
            }
            GoToolchain probe = new GoToolchain(Path.of(toolchain.path("executable").asText()), version.get(),
                    toolchain.path("versionLine").asText());
            (probe.cachesGoRunExecutables() ? caching : relinking).add("`" + toolchain.path("label").asText() + "`");
        }
        if (caching.isEmpty() || relinking.isEmpty()) {
            return "";
        }
        return "Here " + String.join(", ", caching) + " caches the executable and " + String.join(", ", relinking)
                + " links it on every call.";
    }
}
