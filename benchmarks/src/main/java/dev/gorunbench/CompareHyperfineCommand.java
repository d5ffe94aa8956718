package dev.gorunbench;

import dev.gorunbench.accuracy.HyperfineComparison;
import dev.gorunbench.exec.ProcessFailedException;
import dev.gorunbench.toolchain.ToolchainException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code compare-hyperfine}: runs the exec floor, each fixture's binary, warm {@code go run} and warm
 * {@code go build} under hyperfine and under the harness, interleaved, and writes the medians and ratios.
 * {@code benchmarks/compare-hyperfine.sh} installs hyperfine where it is missing and starts this.
 */
@Command(name = "compare-hyperfine", mixinStandardHelpOptions = true,
        description = "Measures the same commands with hyperfine -N and with the harness, interleaved, and writes "
                + "results/hyperfine-comparison.json.")
final class CompareHyperfineCommand implements Callable<Integer> {
    @Option(names = "--root", defaultValue = ".", description = "The gorunbench checkout (holds fixtures/).")
    Path root;

    @Option(names = "--go", defaultValue = "", description = "The go executable or GOROOT; default: go on PATH.")
    String go;

    @Option(names = "--hyperfine", description = "The hyperfine executable; default: hyperfine on PATH.")
    Path hyperfine;

    @Option(names = "--rounds", defaultValue = "10", description = "Interleaved rounds (each tool runs every command once a round).")
    int rounds;

    @Option(names = "--fast-runs", defaultValue = "30",
            description = "Measured runs per round and tool of execFloor and execBinary.")
    int fastRuns;

    @Option(names = "--slow-runs", defaultValue = "5",
            description = "Measured runs per round and tool of goRunWarm and goBuildWarm.")
    int slowRuns;

    @Option(names = "--only", defaultValue = ".*",
            description = "Regular expression matched against \"NAME FIXTURE\", for example 'execFloor|hello'.")
    String only;

    @Option(names = "--out", description = "The JSON file to write; default: ROOT/results/hyperfine-comparison.json.")
    Path out;

    @Option(names = "--command-line", defaultValue = "",
            description = "How the comparison was started, recorded in the output; default: this command.")
    String commandLine;

    @Override
    public Integer call() {
        if (rounds < 1 || fastRuns < 1 || slowRuns < 1) {
            System.err.println("error: --rounds, --fast-runs and --slow-runs must be at least 1 (got "
                    + rounds + ", " + fastRuns + ", " + slowRuns + ").");
            return Cli.UNUSABLE_INPUT;
        }
        try {
            Pattern.compile(only);
        } catch (PatternSyntaxException e) {
            System.err.println("error: --only=" + only + " is not a valid regular expression: " + e.getDescription());
            return Cli.UNUSABLE_INPUT;
        }
        Optional<Path> executable = hyperfine != null ? Optional.of(hyperfine) : onPath("hyperfine");
        if (executable.isEmpty() || !Files.isExecutable(executable.get())) {
            System.err.println("error: hyperfine was not found" + (hyperfine != null ? " at " + hyperfine : " on PATH")
                    + ". Install it (Debian: apt-get install hyperfine) or run benchmarks/compare-hyperfine.sh, which does.");
            return Cli.UNUSABLE_INPUT;
        }
        Path checkout = root.toAbsolutePath().normalize();
        Path output = out != null ? out : checkout.resolve("results").resolve("hyperfine-comparison.json");
        String recorded = commandLine.isBlank()
                ? "java -cp benchmarks/target/benchmarks.jar dev.gorunbench.Cli compare-hyperfine" : commandLine;
        HyperfineComparison.Options options = new HyperfineComparison.Options(checkout, go,
                executable.get().toAbsolutePath(), rounds, fastRuns, slowRuns, only, output, recorded);
        try {
            new HyperfineComparison(options, System.out).run();
            return Cli.OK;
        } catch (ProcessFailedException e) {
            System.err.println("error: " + e.getMessage());
            return Cli.FAILED;
        } catch (ToolchainException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            System.err.println("error: " + e.getMessage());
            return Cli.UNUSABLE_INPUT;
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            return Cli.UNUSABLE_INPUT;
        }
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = dir.isBlank() ? null : Path.of(dir).resolve(name);
            if (candidate != null && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
