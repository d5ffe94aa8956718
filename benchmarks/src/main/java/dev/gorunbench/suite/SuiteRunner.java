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
import dev.gorunbench.toolchain.ToolchainChoice;
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
 *
 * <p>With several toolchains ({@code -Dbench.go=LABEL=PATH,LABEL=PATH}) every case runs once under each
 * toolchain before the next case starts, and each record carries the toolchain's label as its
 * {@code toolchain} parameter.
 */
public final class SuiteRunner {
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The parameter that names the toolchain of a record when several are compared. */
    public static final String TOOLCHAIN_PARAM = "toolchain";

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

    /** A toolchain of this run with the seed build cache made by it. */
    private record Measured(ToolchainChoice choice, GoToolchain toolchain, Path seed) {
        String suffix() {
            return choice.labeled() ? " [" + choice.label() + "]" : "";
        }
    }

    private Path runIn(Path workDir) throws IOException {
        List<ToolchainChoice> choices = ToolchainChoice.parse(options.go());
        out.println("== Checking the Go toolchain" + (choices.size() > 1 ? "s" : ""));
        List<GoToolchain> found = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            GoToolchain toolchain = new GoDiscovery(runner).discover(choices.get(i).path(), System.getenv(),
                    workDir.resolve("probe-" + i));
            found.add(toolchain);
            String label = choices.get(i).labeled() ? choices.get(i).label() + ": " : "";
            out.println("   " + label + toolchain.versionLine() + " at " + toolchain.executable());
        }
        for (Fixture fixture : Fixture.values()) {
            FixtureSpec.load(options.fixturesDir(), fixture);
        }

        List<Case> cases = selectCases();
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("No benchmark matches --include=" + options.include()
                    + ". List the benchmarks with: java -jar benchmarks/target/benchmarks.jar -l");
        }

        // A build cache is only useful to the toolchain that filled it, so each executable gets its own seed.
        out.println("== Building the standard library once into a seed cache (untimed)");
        List<Measured> toolchains = new ArrayList<>();
        Map<Path, Path> seeds = new LinkedHashMap<>();
        for (int i = 0; i < found.size(); i++) {
            GoToolchain toolchain = found.get(i);
            GoCommand go = new GoCommand(toolchain, runner, options.timeout());
            Path seed = seeds.computeIfAbsent(toolchain.executable(),
                    executable -> SeedCache.build(go, options.fixturesDir(), workDir.resolve("seed-" + seeds.size())));
            toolchains.add(new Measured(choices.get(i), toolchain, seed));
        }
        GoToolchain first = found.get(0);
        String goEnv = new GoCommand(first, runner, options.timeout())
                .envJson(workDir, GoEnvironment.create(workDir.resolve("env-probe"), System.getenv()));
        ObjectNode environment = new EnvironmentProbe(runner).collect(first, goEnv, workDir, options.root());

        String stamp = FILE_TIME.format(Instant.now());
        Path log = options.resultsDir().resolve("run-" + stamp + ".log");
        Files.createDirectories(options.resultsDir());
        int total = cases.size() * toolchains.size();
        out.println("== Running " + total + " benchmarks, profile " + options.profile().id()
                + (toolchains.size() > 1 ? ", " + toolchains.size() + " toolchains interleaved" : "")
                + "; JMH's full output goes to " + log);

        // Records are kept per toolchain and written toolchain by toolchain, so a table that takes the first
        // record of a scenario always compares records of one toolchain.
        Map<Measured, List<JsonNode>> recordsByToolchain = new LinkedHashMap<>();
        toolchains.forEach(t -> recordsByToolchain.put(t, new ArrayList<>()));
        ArrayNode failures = ResultsFile.JSON.createArrayNode();
        Progress progress = new Progress(out, total);
        for (int round = 0; round < cases.size(); round++) {
            Case benchmark = cases.get(round);
            // Each round runs one case under every toolchain. The first toolchain changes from round to round,
            // so drift in the machine's speed and any order effect fall on every toolchain alike.
            for (int k = 0; k < toolchains.size(); k++) {
                Measured measured = toolchains.get((round + k) % toolchains.size());
                progress.starting(benchmark.label() + measured.suffix());
                Path jmhOutput = Files.createTempFile(workDir, "jmh-output-", ".txt");
                try {
                    List<JsonNode> produced = runOne(benchmark, measured.toolchain(), workDir, measured.seed(), jmhOutput);
                    if (measured.choice().labeled()) {
                        produced.forEach(record -> labelRecord(record, measured.choice().label()));
                    }
                    recordsByToolchain.get(measured).addAll(produced);
                    progress.finished(summarize(produced));
                } catch (RunnerException | RuntimeException e) {
                    String message = FailureMessages.describe(e, Files.readString(jmhOutput));
                    ObjectNode failure = failures.addObject();
                    failure.put("benchmark", benchmark.entry().getUsername());
                    Map<String, String> params = new LinkedHashMap<>(benchmark.params());
                    if (measured.choice().labeled()) {
                        params.put(TOOLCHAIN_PARAM, measured.choice().label());
                    }
                    failure.set("params", ResultsFile.JSON.valueToTree(params));
                    failure.put("message", message);
                    progress.finished("FAILED: " + message.replace("\n", "\n       "));
                } finally {
                    Files.write(log, Files.readAllBytes(jmhOutput), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    Files.delete(jmhOutput);
                }
            }
        }
        ArrayNode records = ResultsFile.JSON.createArrayNode();
        recordsByToolchain.values().forEach(list -> list.forEach(records::add));

        ObjectNode document = ResultsFile.JSON.createObjectNode();
        document.put("schemaVersion", ResultsFile.SCHEMA_VERSION);
        document.put("complete", failures.isEmpty());
        document.put("profile", options.profile().id());
        document.put("include", options.include());
        document.put("elapsedSeconds", progress.elapsed().toSeconds());
        document.set("environment", environment);
        if (toolchains.get(0).choice().labeled()) {
            ArrayNode list = document.putArray("toolchains");
            for (Measured measured : toolchains) {
                ObjectNode entry = list.addObject();
                entry.put("label", measured.choice().label());
                entry.put("version", measured.toolchain().version().toString());
                entry.put("versionLine", measured.toolchain().versionLine());
                entry.put("executable", measured.toolchain().executable().toString());
            }
        }
        document.set("failures", failures);
        document.set("benchmarks", records);

        Path runFile = options.resultsDir().resolve("run-" + stamp + ".json");
        ResultsFile.write(runFile, document);
        out.println("== Results written to " + runFile + " (" + Progress.format(progress.elapsed()) + ")");
        if (!failures.isEmpty()) {
            throw new SuiteFailedException(failures.size() + " of " + total + " benchmarks failed; see the"
                    + " messages above and " + log + ". results/latest.json was left as it was.", runFile);
        }
        ResultsFile.write(options.resultsDir().resolve("latest.json"), document);
        out.println("   and to " + options.resultsDir().resolve("latest.json"));
        return runFile;
    }

    /** Adds the toolchain's label to a JMH record's params, where JMH tools show it beside the other parameters. */
    private static void labelRecord(JsonNode record, String label) {
        ObjectNode object = (ObjectNode) record;
        ObjectNode params = object.has("params") ? (ObjectNode) object.get("params") : object.putObject("params");
        params.put(TOOLCHAIN_PARAM, label);
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

    private List<JsonNode> runOne(Case benchmark, GoToolchain toolchain, Path workDir, Path seed, Path jmhOutput)
            throws RunnerException, IOException {
        Path resultFile = Files.createTempFile(workDir, "jmh-", ".json");
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.entry().getUsername()) + "$")
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(resultFile.toString())
                .output(jmhOutput.toString())
                .jvmArgsAppend(
                        "-Dbench.root=" + options.root(),
                        "-Dbench.workDir=" + workDir,
                        "-Dbench.go=" + toolchain.executable(),
                        "-Dbench.timeoutSeconds=" + options.timeout().toSeconds(),
                        "-Dbench.seedCache=" + seed,
                        "-Dbench.tmpdirs=" + String.join(",", options.tempLocations().stream().map(Path::toString).toList()));
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
