package dev.gorunbench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.exec.ProcessRunner;
import dev.gorunbench.fixture.Fixture;
import dev.gorunbench.fixture.FixtureSpec;
import dev.gorunbench.results.EnvironmentProbe;
import dev.gorunbench.results.ResultsFile;
import dev.gorunbench.toolchain.GoCommand;
import dev.gorunbench.toolchain.GoDiscovery;
import dev.gorunbench.toolchain.GoEnvironment;
import dev.gorunbench.toolchain.GoToolchain;
import dev.gorunbench.workdir.Trees;
import dev.gorunbench.workdir.WorkDirectory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the benchmark suite: checks the Go toolchain before anything starts, runs each selected
 * benchmark and parameter set as its own JMH run (so progress can be shown and profiles can shape each
 * benchmark), and writes one results file. A failing benchmark is reported and the rest still run; the
 * run then ends with a non-zero status and {@code results/latest.json} is left as it was.
 */
public final class SuiteRunner {
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final SuiteOptions options;
    private final PrintStream out;
    private final ProcessRunner runner = new ProcessRunner();

    public SuiteRunner(SuiteOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** One benchmark method with one value for each of its parameters. */
    record Case(BenchmarkListEntry entry, Map<String, String> params) {
        String label() {
            String name = entry.getUsername();
            String shortName = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            return params.isEmpty() ? shortName : shortName + " " + params;
        }
    }

    /**
     * Runs the suite and returns the results file it wrote.
     *
     * @throws SuiteFailedException when a benchmark failed; the results file is still written
     */
    public Path run() throws IOException {
        Path workDir = WorkDirectory.create(options.workRoot());
        Thread cleanup = new Thread(() -> cleanUp(workDir, true), "gorunbench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            return runIn(workDir);
        } finally {
            Runtime.getRuntime().removeShutdownHook(cleanup);
            cleanUp(workDir, false);
        }
    }

    private Path runIn(Path workDir) throws IOException {
        out.println("== Checking the Go toolchain");
        GoToolchain toolchain = new GoDiscovery(runner).discover(options.go(), System.getenv(), workDir.resolve("probe"));
        out.println("   " + toolchain.versionLine() + " at " + toolchain.executable());
        for (Fixture fixture : Fixture.values()) {
            FixtureSpec.load(options.fixturesDir(), fixture);
        }

        List<Case> cases = selectCases();
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("No benchmark matches --include=" + options.include()
                    + ". List the benchmarks with: java -jar benchmarks/target/benchmarks.jar -l");
        }

        GoCommand go = new GoCommand(toolchain, runner, options.timeout());
        out.println("== Building the standard library once into a seed cache (untimed)");
        Path seed = SeedCache.build(go, options.fixturesDir(), workDir.resolve("seed"));
        String goEnv = go.envJson(workDir, GoEnvironment.create(workDir.resolve("env-probe"), System.getenv()));
        ObjectNode environment = new EnvironmentProbe(runner).collect(toolchain, goEnv, workDir, options.root());
        out.println("== Building the timing helper and the exec floor (untimed)");
        Calibration calibration = Calibration.prepare(runner, go, options.root(), workDir);
        out.println("   " + calibration.describeTiming());
        calibration.addTo(environment);

        String stamp = FILE_TIME.format(Instant.now());
        Path log = options.resultsDir().resolve("run-" + stamp + ".log");
        Files.createDirectories(options.resultsDir());
        out.println("== Running " + cases.size() + " benchmarks, profile " + options.profile().id()
                + "; JMH's full output goes to " + log);

        ArrayNode records = ResultsFile.JSON.createArrayNode();
        ArrayNode failures = ResultsFile.JSON.createArrayNode();
        Progress progress = new Progress(out, cases.size());
        for (Case benchmark : cases) {
            progress.starting(benchmark.label());
            Path jmhOutput = Files.createTempFile(workDir, "jmh-output-", ".txt");
            try {
                List<JsonNode> produced = runOne(benchmark, toolchain, workDir, seed, calibration, jmhOutput);
                produced.forEach(records::add);
                progress.finished(summarize(produced));
            } catch (RunnerException | RuntimeException e) {
                String message = FailureMessages.describe(e, Files.readString(jmhOutput));
                ObjectNode failure = failures.addObject();
                failure.put("benchmark", benchmark.entry().getUsername());
                failure.set("params", ResultsFile.JSON.valueToTree(benchmark.params()));
                failure.put("message", message);
                progress.finished("FAILED: " + message.replace("\n", "\n       "));
            } finally {
                Files.write(log, Files.readAllBytes(jmhOutput), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                Files.delete(jmhOutput);
            }
        }

        calibration.addExecFloor(environment, records);

        ObjectNode document = ResultsFile.JSON.createObjectNode();
        document.put("schemaVersion", ResultsFile.SCHEMA_VERSION);
        document.put("complete", failures.isEmpty());
        document.put("profile", options.profile().id());
        document.put("include", options.include());
        document.put("elapsedSeconds", progress.elapsed().toSeconds());
        document.set("environment", environment);
        document.set("failures", failures);
        document.set("benchmarks", records);
        calibration.addHyperfineComparison(document, options.resultsDir());

        Path runFile = options.resultsDir().resolve("run-" + stamp + ".json");
        ResultsFile.write(runFile, document);
        out.println("== Results written to " + runFile + " (" + Progress.format(progress.elapsed()) + ")");
        if (!failures.isEmpty()) {
            throw new SuiteFailedException(failures.size() + " of " + cases.size() + " benchmarks failed; see the"
                    + " messages above and " + log + ". results/latest.json was left as it was.", runFile);
        }
        ResultsFile.write(options.resultsDir().resolve("latest.json"), document);
        out.println("   and to " + options.resultsDir().resolve("latest.json"));
        return runFile;
    }

    private List<Case> selectCases() {
        Pattern include = Pattern.compile(options.include());
        List<Case> cases = new ArrayList<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().getAll(
                OutputFormatFactory.createFormatInstance(out, VerboseMode.SILENT), List.of())) {
            if (!include.matcher(entry.getUsername()).find()) {
                continue;
            }
            List<Map<String, String>> combinations = new ArrayList<>();
            combinations.add(new LinkedHashMap<>());
            Map<String, String[]> declared = entry.getParams().hasValue() ? entry.getParams().get() : Map.of();
            declared.forEach((name, values) -> {
                List<Map<String, String>> expanded = new ArrayList<>();
                for (Map<String, String> partial : combinations) {
                    for (String value : values) {
                        Map<String, String> next = new LinkedHashMap<>(partial);
                        next.put(name, value);
                        expanded.add(next);
                    }
                }
                combinations.clear();
                combinations.addAll(expanded);
            });
            for (Map<String, String> params : combinations) {
                if (options.profile().includes(entry, params)) {
                    cases.add(new Case(entry, params));
                }
            }
        }
        return cases;
    }

    private List<JsonNode> runOne(Case benchmark, GoToolchain toolchain, Path workDir, Path seed,
            Calibration calibration, Path jmhOutput) throws RunnerException, IOException {
        Path resultFile = Files.createTempFile(workDir, "jmh-", ".json");
        List<String> jvmArguments = new ArrayList<>(List.of(
                "-Dbench.root=" + options.root(),
                "-Dbench.workDir=" + workDir,
                "-Dbench.go=" + toolchain.executable(),
                "-Dbench.timeoutSeconds=" + options.timeout().toSeconds(),
                "-Dbench.seedCache=" + seed,
                "-Dbench.tmpdirs=" + String.join(",", options.tempLocations().stream().map(Path::toString).toList())));
        jvmArguments.addAll(calibration.forkArguments());
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.entry().getUsername()) + "$")
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(resultFile.toString())
                .output(jmhOutput.toString())
                .jvmArgsAppend(jvmArguments.toArray(String[]::new));
        benchmark.params().forEach(builder::param);
        options.profile().apply(builder, benchmark.entry());
        new Runner(builder.build()).run();
        JsonNode produced = ResultsFile.JSON.readTree(resultFile.toFile());
        Files.deleteIfExists(resultFile);
        List<JsonNode> records = new ArrayList<>();
        produced.forEach(records::add);
        return records;
    }

    private static String summarize(List<JsonNode> records) {
        List<String> parts = new ArrayList<>();
        for (JsonNode record : records) {
            JsonNode metric = record.path("primaryMetric");
            List<Double> samples = new ArrayList<>();
            metric.path("rawData").forEach(fork -> fork.forEach(value -> samples.add(value.asDouble())));
            samples.sort(null);
            double median = samples.isEmpty() ? Double.NaN : samples.get(samples.size() / 2);
            parts.add(String.format("median %.1f %s, %d samples", median, metric.path("scoreUnit").asText(), samples.size()));
        }
        return String.join("; ", parts);
    }

    private void cleanUp(Path workDir, boolean interrupted) {
        if (interrupted) {
            // Ctrl-C or SIGTERM: JMH's forks and the go commands they started are this JVM's descendants.
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            System.err.println("Interrupted: child processes killed; results/latest.json left as it was.");
        }
        if (options.keepWork()) {
            (interrupted ? System.err : out).println("Work directory kept at " + workDir);
            return;
        }
        try {
            Trees.deleteRecursively(workDir);
        } catch (IOException e) {
            System.err.println("Could not remove the work directory " + workDir + ": " + e.getMessage()
                    + ". Remove it by hand.");
        }
    }
}
