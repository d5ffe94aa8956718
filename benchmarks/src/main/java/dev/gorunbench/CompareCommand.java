package dev.gorunbench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.compare.CompareSettings;
import dev.gorunbench.compare.Comparison;
import dev.gorunbench.compare.ComparisonMarkdown;
import dev.gorunbench.results.ResultsFile;
import dev.gorunbench.results.ResultsFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
        if (summaryFile != null) {
            try {
                ResultsFile.write(summaryFile, ComparisonMarkdown.summary(comparison, base.toString(), fresh.toString()));
            } catch (IOException e) {
                System.err.println("error: could not write the summary " + summaryFile + ": " + e.getMessage());
                return Cli.UNUSABLE_INPUT;
            }
        }
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
