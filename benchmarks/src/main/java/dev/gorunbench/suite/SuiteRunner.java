package dev.gorunbench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.exec.ProcessRunner;
import dev.gorunbench.exec.ProcessTrees;
import dev.gorunbench.fixture.Fixture;
import dev.gorunbench.fixture.FixtureSpec;
import dev.gorunbench.report.BenchmarkRecord;
import dev.gorunbench.report.CoreTable;
import dev.gorunbench.report.SampleStats;
import dev.gorunbench.results.Attachments;
import dev.gorunbench.results.EnvironmentProbe;
import dev.gorunbench.results.ResultsFile;
import dev.gorunbench.toolchain.GoCommand;
import dev.gorunbench.toolchain.GoDiscovery;
import dev.gorunbench.toolchain.GoEnvironment;
import dev.gorunbench.toolchain.GoToolchain;
import dev.gorunbench.workdir.MountTable;
import dev.gorunbench.workdir.TempLocation;
import dev.gorunbench.toolchain.ToolchainChoice;
import dev.gorunbench.workdir.Trees;
import dev.gorunbench.workdir.WorkDirectory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    /** How long an interrupted run waits for its killed children to exit before deleting the work directory. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    /** The parameter that names the toolchain of a record when several are compared. */
    public static final String TOOLCHAIN_PARAM = "toolchain";

    private final SuiteOptions options;
    private final PrintStream out;
    private final ProcessRunner runner = new ProcessRunner();
    /** The timing helper and exec floor of this run; null until the run has prepared them. */
    private TimingSetup timing;
    private SuiteParamValues paramValues;

    /** Set by the shutdown hook (Ctrl-C, SIGTERM); a run that sees it writes no results file. */
    private volatile boolean interrupted;

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
        CountDownLatch stopped = new CountDownLatch(1);
        Thread cleanup = new Thread(() -> cleanUpAfterInterrupt(workDir, stopped), "gorunbench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            return runIn(workDir);
        } catch (IOException | RuntimeException e) {
            if (interrupted) {
                throw new IllegalStateException("The run was interrupted; no results file was written.", e);
            }
            throw e;
        } finally {
            stopped.countDown();
            boolean hookRemoved;
            try {
                hookRemoved = Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shutdownInProgress) {
                hookRemoved = false;
            }
            if (hookRemoved) {
                cleanUp(workDir, false);
            }
        }
    }

    /**
     * Runs in the shutdown hook (Ctrl-C, SIGTERM): kills the children, waits for the suite thread to
     * stop starting new ones and writing into the work directory, kills again, then removes it.
     */
    private void cleanUpAfterInterrupt(Path workDir, CountDownLatch stopped) {
        interrupted = true;
        ProcessTrees.killAllDescendants(KILL_WAIT);
        try {
            stopped.await(KILL_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cleanUp(workDir, true);
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

        resolveParamValues();
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
                    executable -> SeedCache.build(go, options.fixturesDir(), workDir.resolve("seed-" + seeds.size()), out));
            toolchains.add(new Measured(choices.get(i), toolchain, seed));
        }
        GoToolchain first = found.get(0);
        GoCommand firstGo = new GoCommand(first, runner, options.timeout());
        String goEnv = firstGo.envJson(workDir, GoEnvironment.create(workDir.resolve("env-probe"), System.getenv()));
        ObjectNode environment = new EnvironmentProbe(runner).collect(first, goEnv, workDir, options.root());
        environment.put("label", options.baselineLabel());
        environment.set("tempLocations", paramValues.toJson());
        if (cases.stream().anyMatch(c -> paramValues.hasLocationParam(c.entry()))) {
            out.println("== Temp locations");
            paramValues.print(out);
        }
        out.println("== Building the timing helper and the exec floor (untimed)");
        timing = TimingSetup.prepare(runner, firstGo, options.root(), workDir);
        out.println("   " + timing.describeTiming());
        timing.addTo(environment);

        requireNotInterrupted();
        RunFiles runFiles = RunFiles.reserve(options.resultsDir(), Instant.now());
        Path log = runFiles.log();
        int total = cases.size() * toolchains.size();
        out.println("== Running " + total + " benchmarks, profile " + options.profile().id()
                + (toolchains.size() > 1 ? ", " + toolchains.size() + " toolchains interleaved" : "")
                + "; JMH's full output goes to " + log);

        boolean otherJmhRun = JmhLock.heldByAnotherRun();
        if (otherJmhRun) {
            out.println("   WARNING: another JMH run is active on this machine (it holds " + JmhLock.FILE + ");"
                    + " both runs go on, but each disturbs the other's numbers.");
        }

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
                requireNotInterrupted();
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
                    requireNotInterrupted();
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

        timing.addExecFloor(environment, records);

        ObjectNode document = ResultsFile.JSON.createObjectNode();
        document.put("schemaVersion", ResultsFile.SCHEMA_VERSION);
        document.put("complete", failures.isEmpty());
        document.put("profile", options.profile().id());
        document.put("include", options.include());
        document.put("elapsedSeconds", progress.elapsed().toSeconds());
        document.put("otherJmhRunActive", otherJmhRun);
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
        document.set("attachments", Attachments.collect(workDir));
        timing.addHyperfineComparison(document, options.resultsDir());

        Path runFile = runFiles.results();
        requireNotInterrupted();
        ResultsFile.write(runFile, document);
        out.println("== Results written to " + runFile + " (" + Progress.format(progress.elapsed()) + ")");
        if (!failures.isEmpty()) {
            List<String> failed = new ArrayList<>();
            failures.forEach(f -> failed.add(f.path("benchmark").asText() + " " + f.path("params")));
            throw new SuiteFailedException(failures.size() + " of " + total + " benchmarks failed ("
                    + String.join(", ", failed) + "); see the messages above and " + log
                    + ". results/latest.json was left as it was.", runFile);
        }
        requireNotInterrupted();
        ResultsFile.write(options.resultsDir().resolve("latest.json"), document);
        out.println("   and to " + options.resultsDir().resolve("latest.json"));
        return runFile;
    }

    private void requireNotInterrupted() {
        if (interrupted) {
            throw new IllegalStateException("The run was interrupted; no results file was written.");
        }
    }

    /** Adds the toolchain's label to a JMH record's params, where JMH tools show it beside the other parameters. */
    private static void labelRecord(JsonNode record, String label) {
        ObjectNode object = (ObjectNode) record;
        ObjectNode params = object.has("params") ? (ObjectNode) object.get("params") : object.putObject("params");
        params.put(TOOLCHAIN_PARAM, label);
    }

    /** Resolves the temp locations into the parameter values {@link #selectCases} expands. */
    void resolveParamValues() {
        paramValues = new SuiteParamValues(TempLocation.resolveAll(options.tempLocations(), MountTable.read()));
    }

    /**
     * Builds the timing helper and the exec floor into {@code workDir} for runs that call {@link #runOne}
     * without {@link #run}, such as the interleaved runner's, so their forks time commands as a suite run
     * does; returns the setup.
     */
    TimingSetup prepareTiming(GoCommand go, Path workDir) {
        timing = TimingSetup.prepare(runner, go, options.root(), workDir);
        return timing;
    }

    /** Returns the cases the include pattern and the profile select; call {@link #resolveParamValues} first. */
    List<Case> selectCases() {
        if (paramValues == null) {
            throw new IllegalStateException("resolveParamValues() must be called before selectCases()");
        }
        Pattern include = Pattern.compile(options.include());
        List<Case> cases = new ArrayList<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().getAll(
                OutputFormatFactory.createFormatInstance(out, VerboseMode.SILENT), List.of())) {
            if (!include.matcher(entry.getUsername()).find()) {
                continue;
            }
            List<Map<String, String>> combinations = new ArrayList<>();
            combinations.add(new LinkedHashMap<>());
            Map<String, String[]> suiteValues = paramValues.of(entry, options.profile());
            suiteValues.forEach((name, values) -> {
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
                if (options.profile().includes(entry, params, suiteValues)) {
                    cases.add(new Case(entry, params));
                }
            }
        }
        return cases;
    }

    private List<JsonNode> runOne(Case benchmark, GoToolchain toolchain, Path workDir, Path seed, Path jmhOutput)
            throws RunnerException, IOException {
        return runOne(benchmark, toolchain, workDir, seed, jmhOutput, List.of(), builder -> { });
    }

    /**
     * Runs one case as its own JMH run; {@code extraJvmArgs} go to the fork after the usual settings, and
     * {@code adjust} may override the profile's counts (the interleaved runner sets one fork).
     */
    List<JsonNode> runOne(Case benchmark, GoToolchain toolchain, Path workDir, Path seed, Path jmhOutput,
            List<String> extraJvmArgs, Consumer<ChainedOptionsBuilder> adjust) throws RunnerException, IOException {
        List<String> jvmArgs = new ArrayList<>(List.of(
                "-Dbench.root=" + options.root(),
                "-Dbench.workDir=" + workDir,
                "-Dbench.go=" + toolchain.executable(),
                "-Dbench.timeoutSeconds=" + options.timeout().toSeconds(),
                "-Dbench.seedCache=" + seed,
                "-Dbench.tmpdirs=" + String.join(",", options.tempLocations().stream().map(Path::toString).toList())));
        jvmArgs.addAll(extraJvmArgs);
        if (timing != null) {
            jvmArgs.addAll(timing.forkArguments());
        }
        Path resultFile = Files.createTempFile(workDir, "jmh-", ".json");
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.entry().getUsername()) + "$")
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(resultFile.toString())
                .output(jmhOutput.toString())
                .jvmArgsAppend(jvmArgs.toArray(String[]::new));
        benchmark.params().forEach(builder::param);
        options.profile().apply(builder, benchmark.entry());
        if (options.forks() > 0) {
            builder.forks(options.forks());
        }
        if (options.iterations() > 0) {
            builder.measurementIterations(options.iterations());
        }
        adjust.accept(builder);
        new Runner(builder.build()).run();
        JsonNode produced = ResultsFile.JSON.readTree(resultFile.toFile());
        Files.deleteIfExists(resultFile);
        List<JsonNode> records = new ArrayList<>();
        produced.forEach(records::add);
        return records;
    }

    /** Returns each record's median wall time, the figure the reports and the gate use, and its sample count. */
    private static String summarize(List<JsonNode> records) {
        List<String> parts = new ArrayList<>();
        for (JsonNode record : records) {
            BenchmarkRecord parsed = BenchmarkRecord.of(record);
            double[] samples = parsed.wallSamples();
            double median = samples.length == 0 ? Double.NaN : SampleStats.of(samples).median();
            String value = Math.abs(median) < 1 ? String.format(Locale.ROOT, "%.3f", median) : CoreTable.formatMs(median);
            parts.add("median " + value + " " + parsed.unit() + ", " + samples.length + " samples");
        }
        return String.join("; ", parts);
    }

    private void cleanUp(Path workDir, boolean fromShutdownHook) {
        if (fromShutdownHook) {
            // Ctrl-C or SIGTERM: JMH's forks and the go commands they started are this JVM's descendants.
            // They must be gone before the work directory is deleted, or they would write into it again.
            int survivors = ProcessTrees.killAllDescendants(KILL_WAIT);
            System.err.println("Interrupted: child processes killed" + (survivors == 0 ? "" : " (" + survivors
                    + " did not exit within " + KILL_WAIT.toSeconds() + " s)")
                    + "; no results file written, results/latest.json left as it was.");
        }
        if (options.keepWork()) {
            (fromShutdownHook ? System.err : out).println("Work directory kept at " + workDir);
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
