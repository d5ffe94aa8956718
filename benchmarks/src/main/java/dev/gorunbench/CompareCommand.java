package dev.gorunbench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.compare.CompareSettings;
import dev.gorunbench.compare.Comparison;
import dev.gorunbench.compare.ComparisonMarkdown;
import dev.gorunbench.results.EnvironmentKey;
import dev.gorunbench.results.ResultsFile;
import dev.gorunbench.results.ResultsFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code Cli compare OLD NEW}: compares two results files, prints the Markdown report to stdout and
 * optionally writes a JSON summary. Exit 0 without regression, 1 on a regression, 2 when an input cannot
 * be used (missing, corrupt, unknown schema, or too few samples to decide).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compares two results files; exit 0 no regression, 1 regression, 2 unusable input.")
final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "The base results file, for example a baseline.")
    Path base;

    @Parameters(index = "1", description = "The new results file, for example results/latest.json.")
    Path fresh;

    @Option(names = "--summary", description = "Also write a machine-readable JSON summary to this file.")
    Path summary;

    @Option(names = "--alpha", defaultValue = "0.05",
            description = "Significance level of the Mann-Whitney U test (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--min-effect", defaultValue = "0.10",
            description = "Smallest slowdown that counts as a regression, as a fraction (default ${DEFAULT-VALUE}).")
    double minEffect;

    @Option(names = "--min-effect-for", paramLabel = "REGEX=FRACTION",
            description = "Minimum effect of benchmarks whose name matches REGEX, e.g. goRunCold=0.2; repeatable.")
    List<String> minEffectFor = new ArrayList<>();

    @Option(names = "--ignore-param", paramLabel = "NAME",
            description = "Pair records regardless of this parameter, to compare two of its values; repeatable.")
    List<String> ignoredParams = new ArrayList<>();

    @Override
    public Integer call() {
        if (summary != null && summary.toString().isBlank()) {
            System.err.println("error: --summary needs a file name, such as --summary=summary.json.");
            return Cli.UNUSABLE_INPUT;
        }
        CompareSettings settings;
        try {
            settings = new CompareSettings(alpha, minEffect, CompareSettings.parseMinEffects(minEffectFor),
                    new HashSet<>(ignoredParams));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return Cli.UNUSABLE_INPUT;
        }
        return compare(base, fresh, settings, summary);
    }

    /** Compares the files, prints the report and returns the exit code. */
    static int compare(Path base, Path fresh, CompareSettings settings, Path summaryFile) {
        ObjectNode baseResults;
        ObjectNode newResults;
        try {
            baseResults = ResultsFile.read(base);
            newResults = ResultsFile.read(fresh);
        } catch (ResultsFormatException e) {
            System.err.println("error: " + e.getMessage());
            return Cli.UNUSABLE_INPUT;
        }
        Comparison comparison;
        try {
            comparison = Comparison.of(baseResults, newResults, settings);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + base + " and " + fresh + " cannot be compared: " + e.getMessage());
            return Cli.UNUSABLE_INPUT;
        }
        System.out.print(ComparisonMarkdown.render(comparison, base.toString(), fresh.toString()));
        printNotes(baseResults, newResults, base, fresh, comparison);
        int code = exitCode(comparison, base, fresh);
        if (summaryFile != null) {
            try {
                ResultsFile.write(summaryFile, ComparisonMarkdown.summary(comparison, base.toString(), fresh.toString()));
            } catch (IOException e) {
                System.err.println("error: could not write the summary " + summaryFile + ": " + e.getMessage());
                // A regression keeps exit code 1, because that is the result a CI job gates on.
                return code == Cli.FAILED ? Cli.FAILED : Cli.UNUSABLE_INPUT;
            }
        }
        return code;
    }

    /**
     * Prints to stderr what the table does not show. Runs from different environments get a note, because
     * their ratios include that difference (which a comparison of two toolchains wants). Incomplete runs and
     * runs that lack benchmarks of the base run get a warning, because a crashed benchmark shows no regression.
     */
    private static void printNotes(ObjectNode baseResults, ObjectNode newResults, Path base, Path fresh,
            Comparison comparison) {
        String differences = EnvironmentKey.of(baseResults).differences(EnvironmentKey.of(newResults));
        if (!differences.isEmpty()) {
            System.err.println("note: the runs come from different environments (" + differences
                    + "); the ratios include that difference.");
        }
        for (var file : List.of(Map.entry(base, baseResults), Map.entry(fresh, newResults))) {
            if (!file.getValue().path("complete").asBoolean(true)) {
                System.err.println("warning: " + file.getKey() + " is an incomplete run (\"complete\": false): a"
                        + " benchmark failed or the run was stopped, so its missing benchmarks were not compared.");
            }
        }
        CompareSettings settings = comparison.settings();
        for (var pattern : settings.minEffectByBenchmark().keySet()) {
            if (comparison.rows().stream().noneMatch(row -> pattern.matcher(row.benchmark()).find())) {
                System.err.println("warning: --min-effect-for pattern " + pattern + " matches no benchmark of either"
                        + " file; check its spelling against the table's benchmark column.");
            }
        }
        for (String param : settings.ignoredParams()) {
            boolean declared = baseResults.path("benchmarks").findValues("params").stream().anyMatch(p -> p.has(param))
                    || newResults.path("benchmarks").findValues("params").stream().anyMatch(p -> p.has(param));
            if (!declared) {
                System.err.println("warning: --ignore-param=" + param + " is not a parameter of any benchmark in"
                        + " either file; check its spelling against the table's params column.");
            }
        }
        long missing = comparison.rows().stream().filter(row -> row.verdict() == Comparison.Verdict.ONLY_IN_BASE).count();
        if (missing > 0) {
            System.err.println("warning: " + missing + " benchmark and parameter sets of " + base + " are missing in "
                    + fresh + " and were not compared (rows \"" + Comparison.Verdict.ONLY_IN_BASE.text() + "\").");
        }
    }

    private static int exitCode(Comparison comparison, Path base, Path fresh) {
        return switch (comparison.status()) {
            case REGRESSION -> Cli.FAILED;
            case NO_REGRESSION -> Cli.OK;
            case INCONCLUSIVE -> {
                System.err.println("error: no decision: " + (comparison.paired().isEmpty()
                        ? "no benchmark and parameter set is in both " + base + " and " + fresh
                        : "some benchmarks have too few samples in " + base + " or " + fresh
                                + " (see the table); rerun with the default profile"));
                yield Cli.UNUSABLE_INPUT;
            }
        };
    }
}
