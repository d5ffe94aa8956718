package dev.gorunbench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.compare.CompareSettings;
import dev.gorunbench.compare.Comparison;
import dev.gorunbench.compare.SampleComparison;
import dev.gorunbench.report.BenchmarkRecord;
import dev.gorunbench.report.SampleStats;
import dev.gorunbench.results.EnvironmentProbe;
import dev.gorunbench.results.ResultsFile;
import dev.gorunbench.toolchain.GoCommand;
import dev.gorunbench.toolchain.GoEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Calibrates the regression gate on this machine with {@code goBuildWarm} on the {@code hello} fixture:
 * how often the gate fires when nothing changed (A/A, the false-alarm rate) and how often it catches a
 * known slowdown (A against a B whose linker is delayed by 5% and 10% of the warm build time).
 *
 * <p>The slowdown comes from the {@code calibration/linkdelay} -toolexec wrapper, built with the real go:
 * it sleeps before each linker invocation, and a warm build invokes the linker once (for {@code link
 * -V=full}). Both sides run through the wrapper, A with no delay, so the wrapper's own cost is the same
 * on both sides. The delay is set from the median of a first, uncounted A/A run.
 *
 * <p>Each round runs the three conditions (A/A, 5%, 10%) as interleaved A/B runs, in an order that rotates
 * every round. Two rates are reported: interleaved (B against A of the same run, forks paired by round
 * as {@code Cli ab} compares them) and sequential (A or B of one run against A of the run before it, as
 * the gate compares a run with a baseline from an earlier run).
 */
public final class Calibration {
    /** A condition: its name and the slowdown of side B as a fraction of the warm build time. */
    record Condition(String name, double slowdown) {
    }

    static final List<Condition> CONDITIONS = List.of(
            new Condition("A/A", 0), new Condition("slowdown 5%", 0.05), new Condition("slowdown 10%", 0.10));

    private final SuiteOptions options;
    private final CompareSettings settings;
    private final PrintStream out;

    public Calibration(SuiteOptions options, CompareSettings settings, PrintStream out) {
        this.options = options;
        this.settings = settings;
        this.out = out;
    }

    /**
     * Runs {@code rounds} rounds with {@code forks} forks per side, each fork measuring {@code iterations}
     * samples (0: as the benchmark declares), and returns the calibration document. The
     * document is also written to {@code target} after every run, so an interrupted calibration keeps the
     * runs it finished.
     */
    public ObjectNode run(int rounds, int forks, int iterations, String command, Path log, Path target)
            throws IOException {
        Instant start = Instant.now();
        String loadBefore = EnvironmentProbe.loadAverage();
        InterleavedRunner runner = new InterleavedRunner(options, out);
        try (InterleavedRunner.Session session = runner.open()) {
            Path wrapper = buildWrapper(session);
            String goflags = "-toolexec=" + wrapper;
            out.println("== Pilot A/A run to measure the warm build time (not counted)");
            InterleavedRunner.Pair pilot = session.run(side("A", goflags, 0), side("B", goflags, 0), forks, iterations,
                    log);
            double warmMs = SampleStats.of(flatten(samples(pilot.a()))).median();
            ObjectNode document = ResultsFile.JSON.createObjectNode();
            document.put("schemaVersion", 1);
            document.put("command", command);
            document.put("benchmark", "GoBuildBenchmark.goBuildWarm");
            document.put("fixture", "hello");
            document.put("timeUtc", start.toString());
            ObjectNode environment = document.putObject("environment");
            JsonNode env = pilot.a().path("environment");
            for (String path : List.of("os/name", "os/arch", "cpu/model", "cpu/logicalCores", "go/version")) {
                environment.put(path.replace('/', '.'), EnvironmentProbe.text(env, path));
            }
            environment.put("loadAverageBefore", loadBefore);
            ObjectNode used = document.putObject("settings");
            used.put("alpha", settings.alpha());
            used.put("minEffect", settings.minEffect());
            used.put("forksPerSide", forks);
            used.put("minForks", settings.minForks());
            used.put("iterationsPerFork", iterations > 0 ? String.valueOf(iterations) : "as declared");
            used.put("rounds", rounds);
            document.put("pilotWarmBuildMedianMs", warmMs);

            ArrayNode runs = document.putArray("runs");
            List<double[]> previousA = samples(pilot.a());
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < CONDITIONS.size(); i++) {
                    Condition condition = CONDITIONS.get((i + round) % CONDITIONS.size());
                    long delayMs = Math.round(condition.slowdown() * warmMs);
                    out.println("== Round " + (round + 1) + " of " + rounds + ": " + condition.name()
                            + " (link delay " + delayMs + " ms)");
                    InterleavedRunner.Pair pair = session.run(side("A", goflags, 0), side("B", goflags, delayMs), forks,
                            iterations, log);
                    List<double[]> a = samples(pair.a());
                    List<double[]> b = samples(pair.b());
                    ObjectNode run = runs.addObject();
                    run.put("round", round + 1);
                    run.put("condition", condition.name());
                    run.put("delayMs", delayMs);
                    put(run.putObject("interleaved"), a, b, true);
                    ObjectNode sequential = run.putObject("sequential");
                    put(sequential.putObject("aAgainstPreviousA"), previousA, a, false);
                    put(sequential.putObject("bAgainstPreviousA"), previousA, b, false);
                    run.set("a", toJson(a));
                    run.set("b", toJson(b));
                    previousA = a;
                    document.put("elapsedSeconds", Duration.between(start, Instant.now()).toSeconds());
                    environment.put("loadAverageAfter", EnvironmentProbe.loadAverage());
                    document.put("complete", false);
                    document.set("rates", rates(runs));
                    ResultsFile.write(target, document);
                }
            }
            document.put("complete", true);
            environment.put("loadAverageAfter", EnvironmentProbe.loadAverage());
            document.put("elapsedSeconds", Duration.between(start, Instant.now()).toSeconds());
            document.set("rates", rates(runs));
            return document;
        }
    }

    /**
     * Recomputes every verdict of a calibration document from its raw samples with this calibration's
     * settings and the current statistics, in the order the runs were made, and returns the document with
     * the new verdicts and rates: how other defaults would have done on the same measurements. The first
     * run has no sequential comparison, because the pilot run's samples are not stored.
     */
    public ObjectNode reanalyze(JsonNode calibration, String command) {
        ObjectNode document = calibration.deepCopy();
        List<double[]> previousA = null;
        for (JsonNode node : document.path("runs")) {
            ObjectNode run = (ObjectNode) node;
            List<double[]> a = readForks(run.path("a"));
            List<double[]> b = readForks(run.path("b"));
            put(run.putObject("interleaved"), a, b, true);
            ObjectNode sequential = run.putObject("sequential");
            if (previousA != null) {
                put(sequential.putObject("aAgainstPreviousA"), previousA, a, false);
                put(sequential.putObject("bAgainstPreviousA"), previousA, b, false);
            }
            previousA = a;
        }
        ObjectNode used = document.putObject("reanalysis");
        used.put("command", command);
        used.put("alpha", settings.alpha());
        used.put("minEffect", settings.minEffect());
        used.put("minForks", settings.minForks());
        document.set("rates", rates(document.path("runs")));
        return document;
    }

    private static List<double[]> readForks(JsonNode forks) {
        List<double[]> values = new ArrayList<>();
        for (JsonNode fork : forks) {
            double[] samples = new double[fork.size()];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = fork.get(i).asDouble();
            }
            values.add(samples);
        }
        return values;
    }

    private static double[] flatten(List<double[]> forks) {
        return forks.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    private Path buildWrapper(InterleavedRunner.Session session) {
        GoCommand go = session.go();
        Path output = session.workDir().resolve(GoCommand.executableFileName("linkdelay"));
        GoEnvironment environment = GoEnvironment.create(session.workDir().resolve("linkdelay-env"), System.getenv());
        go.build(options.root().resolve("calibration").resolve("linkdelay"), environment, List.of(), output);
        return output;
    }

    private InterleavedRunner.Side side(String name, String goflags, long delayMs) {
        return new InterleavedRunner.Side(name, Map.of(
                "param.fixture", "hello",
                "env.GOFLAGS", goflags,
                "env.GORUNBENCH_LINK_DELAY_MS", String.valueOf(delayMs)));
    }

    /**
     * Compares {@code fresh} with {@code base} as the gate does and writes the verdict into {@code target}.
     * Set {@code paired} when both are sides of one interleaved run, which {@code Cli ab} compares fork by fork.
     */
    private void put(ObjectNode target, List<double[]> base, List<double[]> fresh, boolean paired) {
        SampleComparison stats = paired
                ? SampleComparison.ofPairedForks(base, fresh, settings.alpha(), settings.minSamples(), settings.minForks(),
                        settings.minPairs())
                : SampleComparison.ofForks(base, fresh, settings.alpha(), settings.minSamples(), settings.minForks());
        target.put("basis", stats.basis().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        target.put("baseMedianMs", stats.baseMedian());
        target.put("newMedianMs", stats.newMedian());
        target.put("ratio", stats.ratio());
        target.put("ratioLower", stats.ratioLower());
        target.put("ratioUpper", stats.ratioUpper());
        target.put("pValue", stats.pValue());
        Comparison.Verdict verdict = Comparison.verdict(stats, settings.minEffect(), settings.alpha());
        target.put("verdict", verdict.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        target.put("alarm", verdict == Comparison.Verdict.REGRESSION);
    }

    /**
     * Counts the alarms per condition. Interleaved: B against A of the runs of that condition. Sequential
     * A/A: the A side of every run against the A side of the run before, because A is unchanged in every
     * run. Sequential slowdown: B of each run of that condition against A of the run before.
     */
    static ObjectNode rates(JsonNode runs) {
        ObjectNode rates = ResultsFile.JSON.createObjectNode();
        for (Condition condition : CONDITIONS) {
            ObjectNode entry = rates.putObject(condition.name());
            int interleavedRuns = 0;
            int interleaved = 0;
            int sequentialRuns = 0;
            int sequential = 0;
            for (JsonNode run : runs) {
                boolean same = run.path("condition").asText().equals(condition.name());
                if (same) {
                    interleavedRuns++;
                    interleaved += run.path("interleaved").path("alarm").asBoolean() ? 1 : 0;
                }
                JsonNode seq = run.path("sequential").path(condition.slowdown() == 0
                        ? "aAgainstPreviousA" : "bAgainstPreviousA");
                if ((condition.slowdown() == 0 || same) && !seq.isMissingNode()) {
                    sequentialRuns++;
                    sequential += seq.path("alarm").asBoolean() ? 1 : 0;
                }
            }
            entry.put("interleavedRuns", interleavedRuns);
            entry.put("interleavedAlarms", interleaved);
            entry.put("sequentialRuns", sequentialRuns);
            entry.put("sequentialAlarms", sequential);
        }
        return rates;
    }

    private static List<double[]> samples(JsonNode results) {
        return BenchmarkRecord.wallForks(results.path("benchmarks").get(0));
    }

    /** Returns the samples of each fork as a JSON array of arrays, the form {@link #readForks} reads. */
    private static ArrayNode toJson(List<double[]> forks) {
        ArrayNode node = ResultsFile.JSON.createArrayNode();
        for (double[] fork : forks) {
            ArrayNode row = node.addArray();
            for (double value : fork) {
                row.add(value);
            }
        }
        return node;
    }
}
