package dev.gorunbench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.compare.CompareSettings;
import dev.gorunbench.results.ResultsFile;
import dev.gorunbench.suite.InterleavedRunner;
import dev.gorunbench.suite.Profile;
import dev.gorunbench.suite.SuiteOptions;
import dev.gorunbench.toolchain.ToolchainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code Cli ab}: an interleaved A/B run of two configurations (see {@link InterleavedRunner}), written as
 * {@code results/ab-TIME-a.json} and {@code results/ab-TIME-b.json} and compared with A as the base.
 * Exit codes as {@code compare}: 0 B has no regression against A, 1 regression, 2 unusable input.
 */
@Command(name = "ab", mixinStandardHelpOptions = true,
        description = "Runs two configurations interleaved fork by fork and compares B with A.")
final class AbCommand implements Callable<Integer> {
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Option(names = "--a", paramLabel = "KEY=VALUE",
            description = "A setting of side A (go=PATH, tmp=PATH, param.NAME=VALUE, env.NAME=VALUE); repeatable.")
    List<String> sideA = new ArrayList<>();

    @Option(names = "--b", paramLabel = "KEY=VALUE", description = "A setting of side B, as --a; repeatable.")
    List<String> sideB = new ArrayList<>();

    @Option(names = "--forks", defaultValue = "12",
            description = "JMH forks of each side per benchmark (default ${DEFAULT-VALUE}, the calibrated setting)."
                    + " With at least 6 forks per side (at --alpha=0.05) the forks are compared in pairs, round by"
                    + " round; with 4 or 5, unpaired by their medians; with fewer, sample by sample, and p-values come"
                    + " out too small.")
    int forks;

    @Option(names = "--iterations", defaultValue = "8",
            description = "Measured samples per fork (default ${DEFAULT-VALUE}, the calibrated setting); 0 keeps the"
                    + " benchmark's declared count.")
    int iterations;

    @Option(names = "--include", defaultValue = ".*", description = "Regular expression of benchmark names to run.")
    String include;

    @Option(names = "--profile", defaultValue = "default", description = "default or smoke (fewest samples).")
    String profile;

    @Option(names = "--go", defaultValue = "", description = "The go executable or GOROOT of both sides unless"
            + " a side sets go=PATH; default: go on PATH.")
    String go;

    @Option(names = "--timeout", defaultValue = "600", description = "Watchdog timeout of each command, in seconds.")
    long timeoutSeconds;

    @Option(names = "--root", defaultValue = ".", description = "The gorunbench checkout (holds fixtures/ and results/).")
    Path root;

    @Option(names = "--work-root", description = "Where the work directory is created; default: java.io.tmpdir.")
    Path workRoot;

    @Option(names = "--summary", description = "Also write the comparison's JSON summary to this file.")
    Path summary;

    @Option(names = "--alpha", defaultValue = "0.05", description = "Significance level (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--min-effect", defaultValue = "0.10",
            description = "Smallest slowdown that counts as a regression, as a fraction (default ${DEFAULT-VALUE}).")
    double minEffect;

    @Override
    public Integer call() {
        InterleavedRunner.Side a;
        InterleavedRunner.Side b;
        SuiteOptions options;
        CompareSettings settings;
        try {
            if (forks < 1) {
                throw new IllegalArgumentException("--forks=" + forks + " must be at least 1.");
            }
            if (iterations < 0) {
                throw new IllegalArgumentException("--iterations=" + iterations + " must be at least 0.");
            }
            a = InterleavedRunner.Side.parse("A", sideA);
            b = InterleavedRunner.Side.parse("B", sideB);
            options = new SuiteOptions(Profile.fromName(profile), include, go, false, List.of(),
                    Duration.ofSeconds(timeoutSeconds), root.toAbsolutePath().normalize(),
                    workRoot != null ? workRoot : Path.of(System.getProperty("java.io.tmpdir")), false, "default");
            settings = new CompareSettings(alpha, minEffect, java.util.Map.of(), InterleavedRunner.variedParams(a, b));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return Cli.UNUSABLE_INPUT;
        }
        if (a.settings().equals(b.settings())) {
            System.out.println("Note: sides A and B have the same settings: this is an A/A run.");
        }
        String stamp = FILE_TIME.format(Instant.now());
        Path fileA = options.resultsDir().resolve("ab-" + stamp + "-a.json");
        Path fileB = options.resultsDir().resolve("ab-" + stamp + "-b.json");
        try (InterleavedRunner.Session session = new InterleavedRunner(options, System.out).open()) {
            InterleavedRunner.Pair pair = session.run(a, b, forks, iterations, options.resultsDir().resolve("ab-" + stamp + ".log"));
            write(fileA, pair.a());
            write(fileB, pair.b());
            System.out.println("== Results written to " + fileA + " and " + fileB);
        } catch (IllegalStateException e) {
            Cli.printError(e.getMessage());
            return Cli.FAILED;
        } catch (ToolchainException | IllegalArgumentException | UncheckedIOException | IOException e) {
            Cli.printError(e.getMessage());
            return Cli.UNUSABLE_INPUT;
        }
        return CompareCommand.compare(fileA, fileB, settings, summary);
    }

    private static void write(Path file, ObjectNode document) throws IOException {
        ResultsFile.write(file, document);
    }
}
