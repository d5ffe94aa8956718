package dev.gorunbench.suite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.compare.CompareSettings;
import dev.gorunbench.compare.Comparison;
import dev.gorunbench.compare.ComparisonMarkdown;
import dev.gorunbench.results.Baselines;
import dev.gorunbench.results.EnvironmentKey;
import dev.gorunbench.results.ResultsFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The regression gate after a suite run: compares the run with the baseline of its environment key in
 * {@code results/baselines/}, or writes the run as that baseline when asked to.
 *
 * <p>Outcomes: no baseline for the key warns and passes; a baseline file that is corrupt, of an unknown
 * schema or of another environment is not used and fails with the reason (it is replaced only with
 * {@code -Dbench.baseline.update=true}); a regression fails and prints the table of regressions.
 */
public final class BaselineGate {
    /** Exit codes, as those of the command line. */
    public static final int PASS = 0;
    public static final int REGRESSION = 1;
    public static final int UNUSABLE = 2;

    private final Baselines baselines;
    private final CompareSettings settings;
    private final PrintStream out;
    private final PrintStream err;

    public BaselineGate(Baselines baselines, CompareSettings settings, PrintStream out, PrintStream err) {
        this.baselines = baselines;
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    /** Writes the run in {@code runFile} as the baseline of its environment key and returns the exit code. */
    public int update(Path runFile) throws IOException {
        ObjectNode run = ResultsFile.read(runFile);
        EnvironmentKey key = EnvironmentKey.of(run);
        if (Profile.SMOKE.id().equals(run.path("profile").asText())) {
            err.println("error: the baseline was not written: a smoke run has too few samples to compare against."
                    + " Run the default profile with -Dbench.baseline.update=true.");
            return UNUSABLE;
        }
        Baselines.Lookup previous = baselines.find(key);
        Path written = baselines.write(run);
        String replaced = "new baseline";
        if (previous instanceof Baselines.Found) {
            replaced = "replaced the previous baseline";
        } else if (previous instanceof Baselines.Unusable unusable) {
            replaced = "replaced an unusable file (" + unusable.problem() + ")";
        }
        out.println("== Baseline written to " + written + " (" + replaced + "); environment: " + key
                + ". Commit it to gate later runs on this environment.");
        return PASS;
    }

    /** Compares the run in {@code runFile} with its baseline, prints the outcome and returns the exit code. */
    public int check(Path runFile) {
        ObjectNode run = ResultsFile.read(runFile);
        EnvironmentKey key = EnvironmentKey.of(run);
        Baselines.Lookup lookup = baselines.find(key);
        if (lookup instanceof Baselines.Missing missing) {
            out.println("== Gate: WARNING: no baseline for this environment (" + key + ") at " + missing.file()
                    + "; passing without a comparison. Write one with -Dbench.baseline.update=true"
                    + " (Cli run --baseline-update=true) and commit it.");
            return PASS;
        }
        if (lookup instanceof Baselines.Unusable unusable) {
            err.println("error: the baseline " + unusable.file() + " is not used for the gate: "
                    + unusable.problem() + ". Restore it from version control, or replace it with this machine's"
                    + " numbers by rerunning with -Dbench.baseline.update=true.");
            return UNUSABLE;
        }
        Baselines.Found found = (Baselines.Found) lookup;
        if (Profile.SMOKE.id().equals(run.path("profile").asText())) {
            out.println("== Gate: skipped: a smoke run has too few samples to compare with " + found.file()
                    + "; run the default profile to gate.");
            return PASS;
        }
        return gate(found, run, runFile);
    }

    private int gate(Baselines.Found baseline, ObjectNode run, Path runFile) {
        Comparison comparison;
        try {
            comparison = Comparison.of(baseline.results(), run, settings);
        } catch (IllegalArgumentException e) {
            err.println("error: the run cannot be compared with " + baseline.file() + ": " + e.getMessage());
            return UNUSABLE;
        }
        String baseName = baseline.file().toString();
        String newName = runFile.toString();
        Path summary = runFile.resolveSibling(runFile.getFileName().toString().replaceFirst("\\.json$", "")
                + ".comparison.json");
        try {
            ResultsFile.write(summary, ComparisonMarkdown.summary(comparison, baseName, newName));
        } catch (IOException e) {
            err.println("warning: could not write " + summary + ": " + e.getMessage());
        }
        out.println("== Gate: compared with " + baseline.file() + "; summary in " + summary);
        out.print(ComparisonMarkdown.render(comparison, baseName, newName));
        return switch (comparison.status()) {
            case NO_REGRESSION -> {
                out.println("== Gate: passed");
                yield PASS;
            }
            case REGRESSION -> {
                err.println("error: the gate failed: " + comparison.regressions().size() + " significant regression(s)"
                        + " against " + baseline.file() + ":");
                err.print(ComparisonMarkdown.regressions(comparison));
                yield REGRESSION;
            }
            case INCONCLUSIVE -> {
                err.println("error: the gate could not decide: some benchmarks have too few samples in the run or in "
                        + baseline.file() + " (see the table). Rerun with the default profile, or rewrite the"
                        + " baseline with -Dbench.baseline.update=true.");
                yield UNUSABLE;
            }
        };
    }
}
