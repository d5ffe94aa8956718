package dev.gorunbench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.compare.CompareSettings;
import dev.gorunbench.report.ReportWriter;
import dev.gorunbench.report.ResultsRun;
import dev.gorunbench.results.AtomicFiles;
import dev.gorunbench.results.Baselines;
import dev.gorunbench.results.ResultsFile;
import dev.gorunbench.results.ResultsFormatException;
import dev.gorunbench.suite.BaselineGate;
import dev.gorunbench.suite.Profile;
import dev.gorunbench.suite.SuiteFailedException;
import dev.gorunbench.suite.SuiteOptions;
import dev.gorunbench.suite.SuiteRunner;
import dev.gorunbench.toolchain.ToolchainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/**
 * The command-line entry point: {@code java -cp benchmarks/target/benchmarks.jar dev.gorunbench.Cli
 * COMMAND}. Exit codes: 0 success, 1 a benchmark failed or regressed, 2 unusable input.
 */
@Command(name = "gorunbench", mixinStandardHelpOptions = true, version = "gorunbench 0.1", scope = ScopeType.INHERIT,
        description = "Measures what go run and go build cost on this machine.",
        subcommands = {Cli.Run.class, Cli.Report.class, GoToolsCommand.class, CompareCommand.class,
                ExportCommand.class, AbCommand.class, CalibrateCommand.class, CompareHyperfineCommand.class})
public final class Cli implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int UNUSABLE_INPUT = 2;

    /**
     * Prints {@code message} as an error, unless the JVM is shutting down (Ctrl-C, SIGTERM). A run then fails
     * because its children were killed, and the shutdown hook has printed that the run was interrupted.
     */
    static void printError(String message) {
        if (!shuttingDown()) {
            System.err.println("error: " + message);
        }
    }

    /** Returns whether the JVM is running its shutdown hooks, the only time adding a hook is rejected. */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shutdownInProgress) {
            return true;
        }
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code, without exiting the JVM. */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new Cli());
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            // A user error gets its message only; an unexpected one gets its type too, never a stack trace.
            if (!shuttingDown()) {
                line.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            }
            return UNUSABLE_INPUT;
        });
        commandLine.setExitCodeExceptionMapper(e -> UNUSABLE_INPUT);
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return UNUSABLE_INPUT;
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Runs the benchmark suite and writes results/run-TIME.json and results/latest.json.")
    static final class Run implements Callable<Integer> {
        @Option(names = "--profile", defaultValue = "default", description = "default or smoke (fewest samples).")
        String profile;

        @Option(names = "--include", defaultValue = ".*", description = "Regular expression of benchmark names to run.")
        String include;

        @Option(names = "--go", defaultValue = "", description = "The go executable or GOROOT; default: go on PATH.")
        String go;

        @Option(names = "--keep-work", defaultValue = "false", arity = "1",
                description = "Keep the work directory after the run and print where it is.")
        boolean keepWork;

        @Option(names = "--tmpdirs", defaultValue = "", split = ",",
                description = "Extra temp roots for the temp-directory benchmarks, comma-separated.")
        List<String> tmpdirs = new ArrayList<>();

        @Option(names = "--timeout", defaultValue = "600", description = "Watchdog timeout of each command, in seconds.")
        long timeoutSeconds;

        @Option(names = "--baseline-update", defaultValue = "false", arity = "1",
                description = "Write this run as the baseline of its environment.")
        boolean baselineUpdate;

        @Option(names = "--baseline-label", defaultValue = "default",
                description = "User label that is part of the baseline's environment key.")
        String baselineLabel;

        @Option(names = "--root", defaultValue = ".", description = "The gorunbench checkout (holds fixtures/ and results/).")
        Path root;

        @Option(names = "--work-root", description = "Where the work directory is created; default: java.io.tmpdir.")
        Path workRoot;

        @Option(names = "--forks", defaultValue = "0", description = "JMH forks per benchmark; 0 (default) keeps the"
                + " profile's. The gate compares fork medians when both runs have at least 4 forks.")
        int forks;

        @Option(names = "--iterations", defaultValue = "0",
                description = "Measured samples per fork; 0 (default) keeps the profile's.")
        int iterations;

        @CommandLine.Mixin
        GateOptions gate = new GateOptions();

        @Override
        public Integer call() {
            if (timeoutSeconds <= 0) {
                System.err.println("error: --timeout=" + timeoutSeconds + " must be a positive number of seconds.");
                return UNUSABLE_INPUT;
            }
            try {
                Pattern.compile(include);
            } catch (PatternSyntaxException e) {
                System.err.println("error: --include=" + include + " is not a valid regular expression: "
                        + e.getDescription() + " near index " + e.getIndex() + ".");
                return UNUSABLE_INPUT;
            }
            List<Path> locations = tmpdirs.stream().filter(s -> !s.isBlank()).map(Path::of).toList();
            SuiteOptions options;
            try {
                options = new SuiteOptions(Profile.fromName(profile), include, go, keepWork, locations,
                        Duration.ofSeconds(timeoutSeconds), root.toAbsolutePath().normalize(),
                        workRoot != null ? workRoot : Path.of(System.getProperty("java.io.tmpdir")),
                        baselineUpdate, baselineLabel, forks, iterations);
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                return UNUSABLE_INPUT;
            }
            try {
                CompareSettings gateSettings = gate.settings();
                Path written = new SuiteRunner(options, System.out).run();
                int report = writeReport(written, options.resultsDir());
                BaselineGate baselineGate = new BaselineGate(Baselines.in(options.resultsDir()), gateSettings,
                        System.out, System.err);
                int gated = options.baselineUpdate() ? baselineGate.update(written) : baselineGate.check(written);
                return Math.max(report, gated);
            } catch (SuiteFailedException e) {
                printError(e.getMessage());
                return FAILED;
            } catch (ToolchainException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
                printError(e.getMessage());
                return UNUSABLE_INPUT;
            } catch (IOException e) {
                printError(e.getMessage());
                return UNUSABLE_INPUT;
            }
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"Writes README.md (tables and verdicts), README.zh-CN.md (verdicts in Chinese), "
                    + "report.html (tables and charts, one self-contained file) and samples.csv (every sample) "
                    + "from one or more results files.",
                    "With several files (for example one per CI runner) they are shown side by side, one column "
                    + "per environment, and the first is the reference of the ratios."})
    static final class Report implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "RESULTS.json",
                description = "Results files, for example results/latest.json.")
        List<Path> resultsFiles = new ArrayList<>();

        @Option(names = "--out-dir", defaultValue = "results", description = "The directory the reports are written to.")
        Path outDir;

        @Override
        public Integer call() {
            return writeReport(resultsFiles, outDir);
        }
    }

    static int writeReport(Path resultsFile, Path outDir) {
        return writeReport(List.of(resultsFile), outDir);
    }

    static int writeReport(List<Path> resultsFiles, Path outDir) {
        List<ResultsRun> runs = new ArrayList<>();
        try {
            for (Path file : resultsFiles) {
                runs.add(ResultsRun.read(file));
            }
        } catch (ResultsFormatException e) {
            System.err.println("error: " + e.getMessage());
            return UNUSABLE_INPUT;
        }
        try {
            List<Path> written = ReportWriter.write(runs, outDir);
            System.out.println("Report written to " + written.stream().map(Path::toString)
                    .collect(Collectors.joining(", ")));
            return OK;
        } catch (IOException e) {
            System.err.println("error: could not write the report to " + outDir + ": " + e.getMessage());
            return UNUSABLE_INPUT;
        }
    }
}
