package dev.gorunbench;

import dev.gorunbench.compare.CompareSettings;
import dev.gorunbench.results.ResultsFile;
import dev.gorunbench.suite.Calibration;
import dev.gorunbench.suite.Profile;
import dev.gorunbench.suite.SuiteOptions;
import dev.gorunbench.toolchain.ToolchainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code Cli calibrate}: measures the gate's false-alarm and detection rates on this machine (see
 * {@link Calibration}) and writes them, with every raw sample, to {@code results/calibration.json}.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Measures the regression gate's false-alarm rate (A/A) and detection rate (5%% and 10%%"
                + " slowdowns) with goBuildWarm on hello; writes results/calibration.json.")
final class CalibrateCommand implements Callable<Integer> {
    @Option(names = "--rounds", defaultValue = "10",
            description = "Rounds; each runs A/A, a 5%% and a 10%% slowdown once (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--forks", defaultValue = "12", description = "Forks per side of each run (default ${DEFAULT-VALUE}),"
            + " as Cli ab's default.")
    int forks;

    @Option(names = "--iterations", defaultValue = "8", description = "Measured samples per fork (default"
            + " ${DEFAULT-VALUE}, as Cli ab's default); 0 keeps the benchmark's declared count.")
    int iterations;

    @Option(names = "--alpha", defaultValue = "0.05", description = "Significance level (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--min-effect", defaultValue = "0.10",
            description = "Smallest slowdown that counts as a regression, as a fraction (default ${DEFAULT-VALUE}).")
    double minEffect;

    @Option(names = "--root", defaultValue = ".", description = "The gorunbench checkout (holds fixtures/ and results/).")
    Path root;

    @Option(names = "--work-root", description = "Where the work directory is created; default: java.io.tmpdir.")
    Path workRoot;

    @Option(names = "--out", description = "Where the calibration is written; default: results/calibration.json.")
    Path outFile;

    @Option(names = "--reanalyze", description = "Instead of measuring, recompute the verdicts and rates of this"
            + " calibration file from its raw samples with --alpha and --min-effect, print the rates, and write the"
            + " recomputed file to --out when given.")
    Path reanalyze;

    @Override
    public Integer call() {
        if (rounds < 1 || forks < 1 || iterations < 0) {
            System.err.println("error: --rounds=" + rounds + " and --forks=" + forks + " must both be at least 1, and"
                    + " --iterations=" + iterations + " at least 0.");
            return Cli.UNUSABLE_INPUT;
        }
        SuiteOptions options;
        CompareSettings settings;
        try {
            options = new SuiteOptions(Profile.DEFAULT, "GoBuildBenchmark\\.goBuildWarm$", "", false, List.of(),
                    Duration.ofSeconds(600), root.toAbsolutePath().normalize(),
                    workRoot != null ? workRoot : Path.of(System.getProperty("java.io.tmpdir")), false, "default");
            settings = new CompareSettings(alpha, minEffect, Map.of(), Set.of());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return Cli.UNUSABLE_INPUT;
        }
        if (reanalyze != null) {
            try {
                var calibration = ResultsFile.JSON.readTree(reanalyze.toFile());
                String command = "java -cp benchmarks/target/benchmarks.jar dev.gorunbench.Cli calibrate --reanalyze="
                        + reanalyze + " --alpha=" + alpha + " --min-effect=" + minEffect
                        + (outFile != null ? " --out=" + outFile : "");
                var document = new Calibration(options, settings, System.out).reanalyze(calibration, command);
                if (outFile != null) {
                    ResultsFile.write(outFile, document);
                    System.out.println("== Reanalyzed calibration written to " + outFile);
                }
                System.out.println(ResultsFile.JSON.writeValueAsString(document.path("rates")));
                return Cli.OK;
            } catch (IOException | RuntimeException e) {
                System.err.println("error: " + reanalyze + " could not be reanalyzed: " + e.getMessage());
                return Cli.UNUSABLE_INPUT;
            }
        }
        Path target = outFile != null ? outFile : options.resultsDir().resolve("calibration.json");
        String command = "java -cp benchmarks/target/benchmarks.jar dev.gorunbench.Cli calibrate --rounds=" + rounds
                + " --forks=" + forks + (iterations > 0 ? " --iterations=" + iterations : "") + " --alpha=" + alpha + " --min-effect=" + minEffect;
        try {
            var document = new Calibration(options, settings, System.out)
                    .run(rounds, forks, iterations, command, options.resultsDir().resolve("calibration.log"), target);
            ResultsFile.write(target, document);
            System.out.println("== Calibration written to " + target);
            System.out.println(ResultsFile.JSON.writeValueAsString(document.path("rates")));
            return Cli.OK;
        } catch (IllegalStateException e) {
            Cli.printError(e.getMessage());
            return Cli.FAILED;
        } catch (ToolchainException | IllegalArgumentException | UncheckedIOException | IOException e) {
            Cli.printError(e.getMessage());
            return Cli.UNUSABLE_INPUT;
        }
    }
}
