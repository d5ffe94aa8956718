package dev.gorunbench.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.exec.ProcessFailedException;
import dev.gorunbench.exec.ProcessRequest;
import dev.gorunbench.exec.ProcessResult;
import dev.gorunbench.exec.ProcessRunner;
import dev.gorunbench.exec.TimingHelper;
import dev.gorunbench.fixture.Fixture;
import dev.gorunbench.fixture.FixtureSpec;
import dev.gorunbench.fixture.Workspace;
import dev.gorunbench.report.SampleStats;
import dev.gorunbench.results.AtomicFiles;
import dev.gorunbench.results.EnvironmentProbe;
import dev.gorunbench.results.ResultsFile;
import dev.gorunbench.toolchain.GoCommand;
import dev.gorunbench.toolchain.GoDiscovery;
import dev.gorunbench.toolchain.GoEnvironment;
import dev.gorunbench.toolchain.GoToolchain;
import dev.gorunbench.toolchain.NativeBuild;
import dev.gorunbench.workdir.Trees;
import dev.gorunbench.workdir.WorkDirectory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Measures the same commands with hyperfine ({@code -N}, no shell, with warm-up) and with the harness,
 * interleaved, and writes the medians and their ratio: how close the harness's wall times are to a
 * native tool's on this machine.
 *
 * <p>"Harness" is the code path every benchmark takes for a timed command: {@link ProcessRunner#runChecked}
 * with the timing helper, exit code and stdout checked. JMH itself is not around it here, because its
 * bookkeeping happens outside the helper's interval anyway. A third column runs the same commands with
 * the JVM's clock around commons-exec, the fallback where the helper cannot be built, and for the exec
 * commands a fourth runs the helper with commons-exec's pump threads in place of output files.
 *
 * <p>Rounds interleave the tools: in each round every command runs under each tool in turn, the order of
 * the tools rotating from round to round, so a change in machine load during the run falls on all of them.
 * Many short rounds interleave more finely than a few long ones, which matters on a shared machine.
 */
public final class HyperfineComparison {
    private static final double EXEC_TARGET = 1.10;
    private static final double GO_TARGET = 1.05;

    /**
     * What to run.
     *
     * @param root the gorunbench checkout
     * @param go the go executable or GOROOT; blank means go on PATH
     * @param hyperfine the hyperfine executable
     * @param rounds how many interleaved rounds
     * @param fastRuns measured runs per round and tool of the exec commands (about a millisecond each)
     * @param slowRuns measured runs per round and tool of the go commands
     * @param only a regular expression matched against "name fixture"; only matching commands run
     * @param output the JSON file to write
     * @param commandLine how this comparison was started, recorded in the output
     */
    public record Options(Path root, String go, Path hyperfine, int rounds, int fastRuns, int slowRuns, String only,
            Path output, String commandLine) {
    }

    private final Options options;
    private final PrintStream out;
    private final ProcessRunner plain = new ProcessRunner();

    public HyperfineComparison(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the comparison and writes {@link Options#output()}; the work directory is removed afterwards. */
    public ObjectNode run() throws IOException {
        Path workDir = WorkDirectory.create(Path.of(System.getProperty("java.io.tmpdir")));
        Thread cleanup = new Thread(() -> Trees.deleteRecursivelyUnchecked(workDir), "gorunbench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            return runIn(workDir);
        } finally {
            Runtime.getRuntime().removeShutdownHook(cleanup);
            Trees.deleteRecursivelyUnchecked(workDir);
        }
    }

    private ObjectNode runIn(Path workDir) throws IOException {
        out.println("== Setting up (untimed): go toolchain, timing helper, exec floor, fixtures built once");
        GoToolchain toolchain = new GoDiscovery(plain).discover(options.go(), System.getenv(), workDir.resolve("probe"));
        GoCommand go = new GoCommand(toolchain, plain, Duration.ofMinutes(10));
        Path nativeDir = workDir.resolve("native");
        NativeBuild.Built helper = NativeBuild.timingHelper(plain, options.root(), nativeDir);
        GoEnvironment environment = GoEnvironment.create(workDir.resolve("env"), System.getenv());
        NativeBuild.Built floor = NativeBuild.execFloor(plain, options.root(), nativeDir, go, environment);
        ProcessRunner harness = helper.executable()
                .map(path -> new ProcessRunner(new TimingHelper(path, workDir.resolve("timing-reports"))))
                .orElse(plain);
        ProcessRunner harnessPumps = helper.executable()
                .map(path -> new ProcessRunner(new TimingHelper(path, workDir.resolve("timing-reports")),
                        ProcessRunner.OutputHandling.PUMP_THREADS))
                .orElse(plain);
        out.println("   " + toolchain.versionLine() + "; timing helper: " + helper.description());

        List<Subject> subjects = subjects(go, environment, floor, workDir);
        if (subjects.isEmpty()) {
            throw new IllegalArgumentException("No command matches --only=" + options.only()
                    + ". Names: execFloor, execBinary FIXTURE, goRunWarm FIXTURE, goBuildWarm FIXTURE.");
        }
        String hyperfineVersion = plain.runChecked(ProcessRequest.builder(options.hyperfine(), workDir)
                .argument("--version").environment(environment.toMap()).build(), null).stdout().strip();

        Map<Subject, Samples> samples = new LinkedHashMap<>();
        subjects.forEach(subject -> samples.put(subject, new Samples()));
        String loadBefore = EnvironmentProbe.loadAverage();
        Instant started = Instant.now();
        for (int round = 0; round < options.rounds(); round++) {
            out.println("== Round " + (round + 1) + " of " + options.rounds());
            for (Subject subject : subjects) {
                for (int slot = 0; slot < Tool.values().length; slot++) {
                    Tool tool = Tool.values()[(slot + round) % Tool.values().length];
                    measure(tool, subject, samples.get(subject), harness, harnessPumps, workDir);
                }
                out.println("   " + subject.label() + ": " + samples.get(subject).summary());
            }
        }
        Duration elapsed = Duration.between(started, Instant.now());

        ObjectNode document = document(subjects, samples, helper, floor, hyperfineVersion, toolchain, loadBefore, elapsed);
        AtomicFiles.write(options.output(), ResultsFile.JSON.writeValueAsBytes(document));
        out.println();
        out.print(table(document));
        out.println("== Written to " + options.output() + " (" + elapsed.toSeconds() + " s measuring)");
        return document;
    }

    /** The three ways a command is measured. */
    enum Tool {
        HYPERFINE, HARNESS, HARNESS_PUMPS, JVM_CLOCK
    }

    /** Every measured wall time of one command, in milliseconds, per tool. */
    static final class Samples {
        final List<Double> hyperfine = new ArrayList<>();
        final List<Double> harness = new ArrayList<>();
        final List<Double> harnessJvmSide = new ArrayList<>();
        final List<Double> harnessPumps = new ArrayList<>();
        final List<Double> jvmClock = new ArrayList<>();

        String summary() {
            return String.format(Locale.ROOT, "hyperfine %s ms, harness %s ms, with pump threads %s ms, JVM clock %s ms "
                    + "(medians so far)", median(hyperfine), median(harness), median(harnessPumps), median(jvmClock));
        }
    }

    private List<Subject> subjects(GoCommand go, GoEnvironment environment, NativeBuild.Built floor, Path workDir) {
        Pattern only = Pattern.compile(options.only());
        List<Subject> subjects = new ArrayList<>();
        ProcessRequest floorRequest = ProcessRequest.builder(floor.executable().orElseThrow(), workDir)
                .environment(Map.of("PATH", System.getenv().getOrDefault("PATH", "")))
                .build();
        subjects.add(new Subject("execFloor", "", floorRequest, "", 5, options.fastRuns(), EXEC_TARGET));
        List<Subject> goSubjects = new ArrayList<>();
        for (Fixture fixture : Fixture.values()) {
            String id = fixture.id();
            if (!only.matcher("execBinary " + id).find() && !only.matcher("goRunWarm " + id).find()
                    && !only.matcher("goBuildWarm " + id).find()) {
                continue;
            }
            Workspace workspace = Workspace.create(FixtureSpec.load(options.root().resolve("fixtures"), fixture),
                    workDir.resolve("src"));
            Path project = workspace.project();
            String expected = workspace.spec().expectedStdout();
            Path binary = workDir.resolve(GoCommand.executableFileName("bin-" + id));
            Path rebuilt = workDir.resolve(GoCommand.executableFileName("build-" + id));
            // Both builds fill the build cache, so every measured go command below finds it warm.
            go.build(project, environment, List.of(), binary);
            go.build(project, environment, List.of(), rebuilt);
            subjects.add(new Subject("execBinary", id, go.execRequest(binary, project, environment), expected,
                    5, options.fastRuns(), EXEC_TARGET));
            goSubjects.add(new Subject("goRunWarm", id, go.runRequest(project, environment, List.of()), expected,
                    1, options.slowRuns(), GO_TARGET));
            goSubjects.add(new Subject("goBuildWarm", id, go.buildRequest(project, environment, List.of(), rebuilt),
                    null, 1, options.slowRuns(), GO_TARGET));
        }
        subjects.addAll(goSubjects);
        subjects.removeIf(subject -> !only.matcher(subject.label()).find());
        return subjects;
    }

    private void measure(Tool tool, Subject subject, Samples samples, ProcessRunner harness, ProcessRunner harnessPumps,
            Path workDir) throws IOException {
        switch (tool) {
            case HYPERFINE -> samples.hyperfine.addAll(hyperfine(subject, workDir));
            case HARNESS -> {
                for (int i = 0; i < subject.warmup(); i++) {
                    harness.runChecked(subject.request(), subject.expectedStdout());
                }
                for (int i = 0; i < subject.runs(); i++) {
                    ProcessResult result = harness.runChecked(subject.request(), subject.expectedStdout());
                    samples.harness.add(result.wallNanos() / 1e6);
                    samples.harnessJvmSide.add(result.usage().jvmWallNanos() / 1e6);
                }
            }
            case HARNESS_PUMPS -> {
                if (!subject.name().startsWith("exec")) {
                    return;
                }
                for (int i = 0; i < subject.warmup(); i++) {
                    harnessPumps.runChecked(subject.request(), subject.expectedStdout());
                }
                for (int i = 0; i < subject.runs(); i++) {
                    samples.harnessPumps.add(
                            harnessPumps.runChecked(subject.request(), subject.expectedStdout()).wallNanos() / 1e6);
                }
            }
            case JVM_CLOCK -> {
                for (int i = 0; i < subject.warmup(); i++) {
                    plain.runChecked(subject.request(), subject.expectedStdout());
                }
                for (int i = 0; i < subject.runs(); i++) {
                    samples.jvmClock.add(plain.runChecked(subject.request(), subject.expectedStdout()).wallNanos() / 1e6);
                }
            }
        }
    }

    /** Runs hyperfine on the subject's command in its directory and environment; returns its times in ms. */
    private List<Double> hyperfine(Subject subject, Path workDir) throws IOException {
        ProcessRequest command = subject.request();
        List<String> words = new ArrayList<>();
        words.add(command.executable().toString());
        words.addAll(command.arguments());
        for (String word : words) {
            if (word.isEmpty() || word.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'')) {
                throw new IllegalArgumentException("hyperfine -N splits its command at spaces, so \"" + word
                        + "\" cannot be passed to it; use a work directory and checkout path without spaces or quotes.");
            }
        }
        Path export = Files.createTempFile(workDir, "hyperfine-", ".json");
        ProcessRequest request = ProcessRequest.builder(options.hyperfine(), command.directory())
                .argument("-N")
                .argument("--warmup").argument(Integer.toString(subject.warmup()))
                .argument("--runs").argument(Integer.toString(subject.runs()))
                .argument("--output").argument("pipe")
                .argument("--style").argument("none")
                .argument("--export-json").argument(export.toString())
                .argument(String.join(" ", words))
                .environment(command.environment())
                .timeout(Duration.ofMinutes(30))
                .build();
        plain.runChecked(request, null);
        JsonNode times = ResultsFile.JSON.readTree(export.toFile()).path("results").path(0).path("times");
        Files.delete(export);
        List<Double> millis = new ArrayList<>();
        times.forEach(seconds -> millis.add(seconds.asDouble() * 1e3));
        if (millis.size() != subject.runs()) {
            throw new ProcessFailedException("hyperfine reported " + millis.size() + " times instead of "
                    + subject.runs(), request, -1, "");
        }
        return millis;
    }

    private ObjectNode document(List<Subject> subjects, Map<Subject, Samples> samples, NativeBuild.Built helper,
            NativeBuild.Built floor, String hyperfineVersion, GoToolchain toolchain, String loadBefore, Duration elapsed) {
        ObjectNode document = ResultsFile.JSON.createObjectNode();
        document.put("command", options.commandLine());
        document.put("timeUtc", Instant.now().toString());
        document.put("elapsedSeconds", elapsed.toSeconds());
        document.put("rounds", options.rounds());
        ObjectNode machine = document.putObject("machine");
        machine.put("cpu", cpuModel());
        machine.put("logicalCores", Runtime.getRuntime().availableProcessors());
        machine.put("loadAverageBefore", loadBefore);
        machine.put("loadAverageAfter", EnvironmentProbe.loadAverage());
        document.put("go", toolchain.versionLine());
        document.put("hyperfine", hyperfineVersion);
        document.put("jdk", System.getProperty("java.version"));
        document.put("launchMechanism", System.getProperty("jdk.lang.Process.launchMechanism", "the JDK's default"));
        document.put("timingHelper", helper.description());
        document.put("execFloorProgram", floor.description());
        ArrayNode rows = document.putArray("commands");
        for (Subject subject : subjects) {
            Samples measured = samples.get(subject);
            ObjectNode row = rows.addObject();
            row.put("name", subject.name());
            row.put("fixture", subject.fixture());
            row.put("command", subject.request().commandLine());
            row.put("warmupPerRound", subject.warmup());
            row.put("runsPerRound", subject.runs());
            row.put("target", subject.target());
            double hyperfineMedian = SampleStats.of(array(measured.hyperfine)).median();
            row.put("hyperfineMedianMs", round(hyperfineMedian));
            putTool(row, "harness", measured.harness, hyperfineMedian);
            putTool(row, "harnessJvmSide", measured.harnessJvmSide, hyperfineMedian);
            if (!measured.harnessPumps.isEmpty()) {
                putTool(row, "harnessPumpThreads", measured.harnessPumps, hyperfineMedian);
            }
            putTool(row, "jvmClock", measured.jvmClock, hyperfineMedian);
            row.put("withinTarget", SampleStats.of(array(measured.harness)).median() / hyperfineMedian <= subject.target());
            ObjectNode raw = row.putObject("samplesMs");
            putArray(raw, "hyperfine", measured.hyperfine);
            putArray(raw, "harness", measured.harness);
            putArray(raw, "harnessJvmSide", measured.harnessJvmSide);
            putArray(raw, "harnessPumpThreads", measured.harnessPumps);
            putArray(raw, "jvmClock", measured.jvmClock);
        }
        return document;
    }

    private static void putTool(ObjectNode row, String tool, List<Double> values, double hyperfineMedian) {
        SampleStats stats = SampleStats.of(array(values));
        row.put(tool + "MedianMs", round(stats.median()));
        row.put(tool + "Ratio", round(stats.median() / hyperfineMedian));
    }

    private static void putArray(ObjectNode node, String name, List<Double> values) {
        ArrayNode array = node.putArray(name);
        values.forEach(value -> array.add(round(value)));
    }

    /** Renders the console table of a comparison document. */
    static String table(JsonNode document) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-22s %12s %12s %8s %8s %12s %8s %12s %8s%n",
                "command", "hyperfine", "harness", "ratio", "target", "pump thr.", "ratio", "JVM clock", "ratio"));
        for (JsonNode row : document.path("commands")) {
            String label = row.path("name").asText() + (row.path("fixture").asText().isEmpty() ? ""
                    : " " + row.path("fixture").asText());
            boolean pumped = row.has("harnessPumpThreadsMedianMs");
            table.append(String.format(Locale.ROOT, "%-22s %9.3f ms %9.3f ms %7.3fx %7.2fx %12s %8s %9.3f ms %7.3fx%n",
                    label, row.path("hyperfineMedianMs").asDouble(), row.path("harnessMedianMs").asDouble(),
                    row.path("harnessRatio").asDouble(), row.path("target").asDouble(),
                    pumped ? String.format(Locale.ROOT, "%.3f ms", row.path("harnessPumpThreadsMedianMs").asDouble())
                            : "not run",
                    pumped ? String.format(Locale.ROOT, "%.3fx", row.path("harnessPumpThreadsRatio").asDouble()) : "-",
                    row.path("jvmClockMedianMs").asDouble(), row.path("jvmClockRatio").asDouble()));
        }
        return table.toString();
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static String median(List<Double> values) {
        return values.isEmpty() ? "-" : String.format(Locale.ROOT, "%.3f", SampleStats.of(array(values)).median());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
