package dev.gorunbench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.exec.ProcessRequest;
import dev.gorunbench.exec.ProcessResult;
import dev.gorunbench.exec.ProcessRunner;
import dev.gorunbench.exec.ResourceUsage;
import dev.gorunbench.exec.TimingHelper;
import dev.gorunbench.report.SampleStats;
import dev.gorunbench.results.ResultsFile;
import dev.gorunbench.toolchain.GoCommand;
import dev.gorunbench.toolchain.GoEnvironment;
import dev.gorunbench.toolchain.NativeBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a suite run times its commands, and the floor every number can be read against: builds the timing
 * helper and the exec floor once per run, passes them to every JMH fork, and writes both, with the exec
 * floor's median, into the results' environment.
 */
final class TimingSetup {
    /** The JDK's way of starting processes in the forks; Linux only, where VFORK skips jspawnhelper's extra exec. */
    static final String LAUNCH_MECHANISM_PROPERTY = "jdk.lang.Process.launchMechanism";
    static final String LINUX_LAUNCH_MECHANISM = "VFORK";
    /** The comparison file {@code benchmarks/compare-hyperfine.sh} writes, copied into every results file. */
    static final String HYPERFINE_FILE = "hyperfine-comparison.json";
    private static final String FLOOR_BENCHMARK = "ExecFloorBenchmark.execFloor";
    private static final int FLOOR_WARMUP = 5;
    private static final int FLOOR_SAMPLES = 30;

    private final NativeBuild.Built helper;
    private final NativeBuild.Built floor;
    private final ProcessRunner timedRunner;
    private final Path workDir;

    private TimingSetup(NativeBuild.Built helper, NativeBuild.Built floor, Path workDir) {
        this.helper = helper;
        this.floor = floor;
        this.workDir = workDir;
        this.timedRunner = helper.executable()
                .map(path -> new ProcessRunner(new TimingHelper(path, workDir.resolve("timing-reports"))))
                .orElseGet(ProcessRunner::new);
    }

    /** Builds the timing helper and the exec floor under {@code workDir}, untimed. */
    static TimingSetup prepare(ProcessRunner runner, GoCommand go, Path root, Path workDir) {
        Path nativeDir = workDir.resolve("native");
        NativeBuild.Built helper = NativeBuild.timingHelper(runner, root, nativeDir);
        GoEnvironment environment = GoEnvironment.create(workDir.resolve("env-floor"), System.getenv());
        NativeBuild.Built floor = NativeBuild.execFloor(runner, root, nativeDir, go, environment);
        return new TimingSetup(helper, floor, workDir);
    }

    String describeTiming() {
        return helper.executable().isPresent()
                ? "wall times from the timing helper (" + helper.description() + ")"
                : "timing helper " + helper.description();
    }

    /** Returns the system properties every JMH fork gets, so it times commands as this run does. */
    List<String> forkArguments() {
        List<String> arguments = new ArrayList<>();
        arguments.add("-Dbench.timingHelper=" + helper.executable().map(Path::toString).orElse("none"));
        floor.executable().ifPresent(path -> arguments.add("-Dbench.execFloor=" + path));
        if (isLinux()) {
            arguments.add("-D" + LAUNCH_MECHANISM_PROPERTY + "=" + LINUX_LAUNCH_MECHANISM);
        }
        return arguments;
    }

    /** Writes {@code environment.timing}: what measured the wall times and how the forks start processes. */
    void addTo(ObjectNode environment) {
        ObjectNode timing = environment.putObject("timing");
        timing.put("clock", helper.executable().isPresent()
                ? ResourceUsage.Clock.TIMING_HELPER.name() : ResourceUsage.Clock.JVM.name());
        timing.put("helper", helper.description());
        timing.put("launchMechanism", isLinux() ? LINUX_LAUNCH_MECHANISM : "the JDK's default");
    }

    /**
     * Writes {@code environment.execFloor}: the median wall time of the exec floor, from the
     * {@code execFloor} benchmark of this run where it ran, else measured here with the same runner.
     */
    void addExecFloor(ObjectNode environment, ArrayNode records) {
        double[] samples = null;
        String source = null;
        for (JsonNode record : records) {
            if (record.path("benchmark").asText().endsWith(FLOOR_BENCHMARK)) {
                samples = raw(record.path("secondaryMetrics").path("wallMs"));
                source = FLOOR_BENCHMARK + " of this run";
            }
        }
        if (samples == null || samples.length == 0) {
            samples = measureFloor();
            source = "measured by the suite runner before writing the results (" + FLOOR_WARMUP + " warm-up runs, "
                    + FLOOR_SAMPLES + " samples), because " + FLOOR_BENCHMARK + " was not selected";
        }
        SampleStats stats = SampleStats.of(samples);
        ObjectNode node = environment.putObject("execFloor");
        node.put("medianMs", stats.median());
        if (stats.hasInterval()) {
            node.put("ci95LowerMs", stats.lower());
            node.put("ci95UpperMs", stats.upper());
        }
        node.put("samples", stats.count());
        node.put("clock", timedRunner.timingHelper().isPresent()
                ? ResourceUsage.Clock.TIMING_HELPER.name() : ResourceUsage.Clock.JVM.name());
        node.put("source", source);
        node.put("program", floor.description());
    }

    /** Copies the committed hyperfine comparison, if there is one, into {@code document.hyperfineComparison}. */
    void addHyperfineComparison(ObjectNode document, Path resultsDir) {
        Path file = resultsDir.resolve(HYPERFINE_FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            document.set("hyperfineComparison", ResultsFile.JSON.readTree(file.toFile()));
        } catch (IOException e) {
            document.put("hyperfineComparison", "unreadable: " + file + ": " + e.getMessage());
        }
    }

    private double[] measureFloor() {
        ProcessRequest request = ProcessRequest.builder(floor.executable().orElseThrow(), workDir)
                .environment(Map.of("PATH", System.getenv().getOrDefault("PATH", "")))
                .timeout(Duration.ofMinutes(1))
                .build();
        double[] samples = new double[FLOOR_SAMPLES];
        for (int i = 0; i < FLOOR_WARMUP; i++) {
            timedRunner.runChecked(request, "");
        }
        for (int i = 0; i < FLOOR_SAMPLES; i++) {
            ProcessResult result = timedRunner.runChecked(request, "");
            samples[i] = result.wallNanos() / 1e6;
        }
        return samples;
    }

    private static double[] raw(JsonNode metric) {
        List<Double> values = new ArrayList<>();
        metric.path("rawData").forEach(fork -> fork.forEach(value -> values.add(value.asDouble())));
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    }
}
