package dev.gorunbench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.exec.ProcessRunner;
import dev.gorunbench.exec.ProcessTrees;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Interleaved A/B runs: two configurations of the same benchmarks measured in one run, one JMH fork at a
 * time. A and B alternate, and the side that goes first switches every round (A B, B A, A B, ...), so
 * machine drift (other load, thermal state, page cache) hits both sides alike. Each side's samples are
 * written as an ordinary results file, which {@code Cli compare} can read.
 *
 * <p>A side is a list of settings, each {@code KEY=VALUE}:
 * <ul>
 *   <li>{@code go=PATH}: the go executable or GOROOT of this side;
 *   <li>{@code tmp=PATH}: the temp location (GOTMPDIR and TMPDIR) of this side's trials;
 *   <li>{@code param.NAME=VALUE}: a benchmark parameter, such as {@code param.fixture=multipkg};
 *   <li>{@code env.NAME=VALUE}: a Go environment variable on top of the isolated environment, such as
 *       {@code env.GOFLAGS=-trimpath}.
 * </ul>
 */
public final class InterleavedRunner {
    private final SuiteOptions options;
    private final PrintStream out;
    private final ProcessRunner runner = new ProcessRunner();

    public InterleavedRunner(SuiteOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** One side's configuration. */
    public record Side(String name, Map<String, String> settings) {
        public Side {
            settings = Map.copyOf(settings);
            for (String key : settings.keySet()) {
                boolean known = key.equals("go") || key.equals("tmp")
                        || (key.startsWith("param.") && key.length() > 6)
                        || (key.startsWith("env.") && key.length() > 4);
                if (!known) {
                    throw new IllegalArgumentException("Unknown A/B setting \"" + key + "\" of side " + name
                            + ". Valid settings: go=PATH, tmp=PATH, param.NAME=VALUE, env.NAME=VALUE.");
                }
                if (key.equals("tmp") && !Files.isDirectory(Path.of(settings.get(key)))) {
                    throw new IllegalArgumentException("tmp=" + settings.get(key) + " of side " + name
                            + " is not a directory; create it, or give an existing directory.");
                }
            }
        }

        /** Parses {@code KEY=VALUE} settings such as {@code env.GOFLAGS=-trimpath}. */
        public static Side parse(String name, List<String> specs) {
            Map<String, String> settings = new LinkedHashMap<>();
            for (String spec : specs) {
                int eq = spec.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("Invalid A/B setting \"" + spec + "\" of side " + name
                            + ": write KEY=VALUE, for example env.GOFLAGS=-trimpath or param.fixture=hello.");
                }
                settings.put(spec.substring(0, eq), spec.substring(eq + 1));
            }
            return new Side(name, settings);
        }

        String go(String fallback) {
            return settings.getOrDefault("go", fallback);
        }

        Map<String, String> params() {
            Map<String, String> params = new LinkedHashMap<>();
            settings.forEach((key, value) -> {
                if (key.startsWith("param.")) {
                    params.put(key.substring(6), value);
                }
            });
            return params;
        }

        List<String> jvmArgs() {
            List<String> args = new ArrayList<>();
            settings.forEach((key, value) -> {
                if (key.startsWith("env.")) {
                    args.add("-Dbench.env." + key.substring(4) + "=" + value);
                } else if (key.equals("tmp")) {
                    args.add("-Dbench.tempRoot=" + Path.of(value).toAbsolutePath());
                }
            });
            return args;
        }
    }

    /** The results of both sides of one interleaved run, each an ordinary results document. */
    public record Pair(ObjectNode a, ObjectNode b) {
    }

    /** Returns the parameter names the sides set to different values; comparisons pair records without them. */
    public static Set<String> variedParams(Side a, Side b) {
        Set<String> names = new TreeSet<>(a.params().keySet());
        names.addAll(b.params().keySet());
        names.removeIf(name -> a.params().get(name) != null && a.params().get(name).equals(b.params().get(name)));
        return names;
    }

    /** Creates the work directory and checks the fixtures; close the session to remove the directory. */
    public Session open() {
        return new Session(WorkDirectory.create(options.workRoot()));
    }

    /** How long an interrupted run waits for its killed children and its main thread. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    /** A work directory with toolchains and seed caches that several interleaved runs can share. */
    public final class Session implements AutoCloseable {
        private final Path workDir;
        /** The timing helper and exec floor, built with the first toolchain a run prepares. */
        private TimingSetup timing;
        private final Thread cleanup;
        /** Counted down when the main thread is done with the work directory. */
        private final CountDownLatch stopped = new CountDownLatch(1);
        private final SuiteRunner suite = new SuiteRunner(options, out);
        private final Map<String, Prepared> toolchains = new HashMap<>();

        private record Prepared(GoToolchain toolchain, Path seed, ObjectNode environment) {
        }

        private Session(Path workDir) {
            this.workDir = workDir;
            this.cleanup = new Thread(this::cleanUpAfterInterrupt, "gorunbench-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            for (Fixture fixture : Fixture.values()) {
                FixtureSpec.load(options.fixturesDir(), fixture);
            }
            suite.resolveParamValues();
        }

        public Path workDir() {
            return workDir;
        }

        /** Returns the go command of the default toolchain, for untimed helper builds. */
        public GoCommand go() {
            Path dir = WorkDirectory.createChild(workDir, "helper-toolchain-");
            GoToolchain toolchain = new GoDiscovery(runner).discover(options.go(), System.getenv(), dir.resolve("probe"));
            return new GoCommand(toolchain, runner, options.timeout());
        }

        /**
         * Runs every selected case with {@code forksPerSide} forks of each side, interleaved, and returns
         * both sides' results. JMH's output is appended to {@code log}.
         *
         * @throws IllegalStateException when a fork fails; the message names the side, the case and the cause
         */
        public Pair run(Side a, Side b, int forksPerSide, Path log) throws IOException {
            return run(a, b, forksPerSide, 0, log);
        }

        /**
         * Runs as {@link #run(Side, Side, int, Path)}, each fork measuring {@code iterations} samples in place of
         * the benchmark's declared count (0 keeps the declared count). More forks of fewer samples cost more
         * time but give the comparison more independent observations.
         */
        public Pair run(Side a, Side b, int forksPerSide, int iterations, Path log) throws IOException {
            List<SuiteRunner.Case> cases = distinctCases(suite.selectCases(), a, b);
            if (cases.isEmpty()) {
                throw new IllegalArgumentException("No benchmark matches --include=" + options.include()
                        + ". List the benchmarks with: java -jar benchmarks/target/benchmarks.jar -l");
            }
            requireDeclaredParams(cases, a, b);
            Files.createDirectories(log.toAbsolutePath().getParent());
            List<Fixture> fixtures = fixtures(cases, a, b);
            Prepared preparedA = prepare(a.go(options.go()), fixtures);
            Prepared preparedB = prepare(b.go(options.go()), fixtures);
            ArrayNode recordsA = ResultsFile.JSON.createArrayNode();
            ArrayNode recordsB = ResultsFile.JSON.createArrayNode();
            Progress progress = new Progress(out, cases.size());
            for (SuiteRunner.Case benchmark : cases) {
                progress.starting(benchmark.label() + " A/B, " + forksPerSide + " forks each");
                List<JsonNode> forksA = new ArrayList<>();
                List<JsonNode> forksB = new ArrayList<>();
                for (int round = 0; round < forksPerSide; round++) {
                    boolean aFirst = round % 2 == 0;
                    for (int turn = 0; turn < 2; turn++) {
                        boolean sideA = aFirst == (turn == 0);
                        forksA.addAll(sideA ? runFork(benchmark, a, preparedA, iterations, log) : List.of());
                        forksB.addAll(sideA ? List.of() : runFork(benchmark, b, preparedB, iterations, log));
                    }
                }
                JsonNode mergedA = merge(forksA);
                JsonNode mergedB = merge(forksB);
                recordsA.add(mergedA);
                recordsB.add(mergedB);
                progress.finished("A median " + median(mergedA) + ", B median " + median(mergedB));
            }
            String runId = UUID.randomUUID().toString();
            return new Pair(document(a, preparedA, recordsA, progress, runId),
                    document(b, preparedB, recordsB, progress, runId));
        }

        /** Rejects a {@code param.NAME} setting that a selected benchmark does not declare, such as a typo. */
        private static void requireDeclaredParams(List<SuiteRunner.Case> cases, Side a, Side b) {
            Set<String> setBySides = new TreeSet<>(a.params().keySet());
            setBySides.addAll(b.params().keySet());
            for (SuiteRunner.Case benchmark : cases) {
                for (String name : setBySides) {
                    if (!benchmark.params().containsKey(name)) {
                        throw new IllegalArgumentException("param." + name + " is not a parameter of "
                                + benchmark.entry().getUsername() + ", which has " + benchmark.params().keySet()
                                + "; fix the name, or narrow --include to benchmarks that declare it.");
                    }
                }
            }
        }

        /**
         * Returns one case per benchmark and combination of the parameters the sides do not set, because a
         * parameter set by a side replaces the value the case was selected with.
         */
        private static List<SuiteRunner.Case> distinctCases(List<SuiteRunner.Case> cases, Side a, Side b) {
            Set<String> setBySides = new TreeSet<>(a.params().keySet());
            setBySides.addAll(b.params().keySet());
            Map<String, SuiteRunner.Case> distinct = new LinkedHashMap<>();
            for (SuiteRunner.Case benchmark : cases) {
                Map<String, String> rest = new LinkedHashMap<>(benchmark.params());
                rest.keySet().removeAll(setBySides);
                distinct.putIfAbsent(benchmark.entry().getUsername() + " " + rest, benchmark);
            }
            return new ArrayList<>(distinct.values());
        }

        private List<JsonNode> runFork(SuiteRunner.Case benchmark, Side side, Prepared prepared, int iterations,
                Path log) throws IOException {
            Map<String, String> params = new LinkedHashMap<>(benchmark.params());
            params.putAll(side.params());
            SuiteRunner.Case variant = new SuiteRunner.Case(benchmark.entry(), params);
            Path jmhOutput = Files.createTempFile(workDir, "jmh-output-", ".txt");
            try {
                return suite.runOne(variant, prepared.toolchain(), workDir, prepared.seed(), jmhOutput, side.jvmArgs(),
                        builder -> {
                            builder.forks(1);
                            if (iterations > 0) {
                                builder.measurementIterations(iterations);
                            }
                        });
            } catch (RunnerException | RuntimeException e) {
                throw new IllegalStateException("Side " + side.name() + " of " + variant.label() + " failed: "
                        + FailureMessages.describe(e, Files.readString(jmhOutput)) + " (JMH output: " + log + ")", e);
            } finally {
                Files.write(log, Files.readAllBytes(jmhOutput), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                Files.delete(jmhOutput);
            }
        }

        /**
         * Returns the fixtures the cases run on, so the seed cache compiles only what they need; all
         * fixtures when a case has no fixture parameter.
         */
        private static List<Fixture> fixtures(List<SuiteRunner.Case> cases, Side a, Side b) {
            Set<Fixture> used = new java.util.LinkedHashSet<>();
            for (SuiteRunner.Case benchmark : cases) {
                for (Side side : List.of(a, b)) {
                    String id = side.params().getOrDefault("fixture", benchmark.params().get("fixture"));
                    if (id == null) {
                        return List.of(Fixture.values());
                    }
                    used.add(Fixture.fromId(id));
                }
            }
            return new ArrayList<>(used);
        }

        private Prepared prepare(String go, List<Fixture> fixtures) {
            return toolchains.computeIfAbsent(go, key -> {
                Path dir = WorkDirectory.createChild(workDir, "toolchain-");
                out.println("== Checking the Go toolchain " + (key.isBlank() ? "on PATH" : key));
                GoToolchain toolchain = new GoDiscovery(runner).discover(key, System.getenv(), dir.resolve("probe"));
                out.println("   " + toolchain.versionLine() + " at " + toolchain.executable());
                GoCommand command = new GoCommand(toolchain, runner, options.timeout());
                out.println("== Building the standard library once into a seed cache (untimed)");
                Path seed = SeedCache.build(command, options.fixturesDir(), dir.resolve("seed"), fixtures, out);
                String goEnv = command.envJson(dir, GoEnvironment.create(dir.resolve("env-probe"), System.getenv()));
                ObjectNode environment = new EnvironmentProbe(runner).collect(toolchain, goEnv, workDir, options.root());
                environment.put("label", options.baselineLabel());
                if (timing == null) {
                    out.println("== Building the timing helper and the exec floor (untimed)");
                    timing = suite.prepareTiming(command, workDir);
                    out.println("   " + timing.describeTiming());
                }
                timing.addTo(environment);
                return new Prepared(toolchain, seed, environment);
            });
        }

        private ObjectNode document(Side side, Prepared prepared, ArrayNode records, Progress progress, String runId) {
            ObjectNode environment = prepared.environment().deepCopy();
            ObjectNode variant = environment.putObject("variant");
            variant.put("side", side.name());
            // Both sides of one run share the id: fork i of A and fork i of B ran in the same round, so a
            // comparison of the two may pair them.
            variant.put("runId", runId);
            variant.put("interleaving", "one JMH fork at a time, A and B alternating, the first side switching"
                    + " every round");
            variant.set("settings", ResultsFile.JSON.valueToTree(side.settings()));
            ObjectNode document = ResultsFile.JSON.createObjectNode();
            document.put("schemaVersion", ResultsFile.SCHEMA_VERSION);
            document.put("complete", true);
            document.put("profile", options.profile().id());
            document.put("include", options.include());
            document.put("elapsedSeconds", progress.elapsed().toSeconds());
            document.set("environment", environment);
            document.set("failures", ResultsFile.JSON.createArrayNode());
            document.set("benchmarks", records);
            return document;
        }

        @Override
        public void close() {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shutdownInProgress) {
                return; // The shutdown hook removes the work directory.
            }
            removeWorkDirectory();
        }

        /**
         * Runs in the shutdown hook (Ctrl-C, SIGTERM): kills the children, waits for the main thread to stop
         * writing into the work directory, then removes it.
         */
        private void cleanUpAfterInterrupt() {
            ProcessTrees.killAllDescendants(KILL_WAIT);
            try {
                stopped.await(KILL_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ProcessTrees.killAllDescendants(KILL_WAIT);
            System.err.println("Interrupted: child processes killed; no results written.");
            removeWorkDirectory();
        }

        private void removeWorkDirectory() {
            if (options.keepWork()) {
                out.println("Work directory kept at " + workDir);
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

    /**
     * Merges the one-fork JMH records of one side into one record with every fork's raw data, as JMH
     * writes a run of several forks. The score becomes the mean of all samples; JMH's error and
     * percentiles of a single fork would be misleading and are removed.
     */
    static JsonNode merge(List<JsonNode> forks) {
        ObjectNode merged = forks.get(0).deepCopy();
        merged.put("forks", forks.size());
        mergeMetric((ObjectNode) merged.path("primaryMetric"), forks, fork -> fork.path("primaryMetric"));
        JsonNode secondary = merged.path("secondaryMetrics");
        secondary.fieldNames().forEachRemaining(name -> mergeMetric((ObjectNode) secondary.path(name), forks,
                fork -> fork.path("secondaryMetrics").path(name)));
        return merged;
    }

    private static void mergeMetric(ObjectNode target, List<JsonNode> forks,
            java.util.function.Function<JsonNode, JsonNode> metric) {
        ArrayNode raw = ResultsFile.JSON.createArrayNode();
        double sum = 0;
        int count = 0;
        for (JsonNode fork : forks) {
            for (JsonNode samples : metric.apply(fork).path("rawData")) {
                raw.add(samples.deepCopy());
                for (JsonNode value : samples) {
                    sum += value.asDouble();
                    count++;
                }
            }
        }
        target.set("rawData", raw);
        target.put("score", count == 0 ? Double.NaN : sum / count);
        target.remove(List.of("scoreError", "scoreConfidence", "scorePercentiles", "rawDataHistogram"));
    }

    private static String median(JsonNode record) {
        double[] samples = dev.gorunbench.report.BenchmarkRecord.of(record).wallSamples();
        return samples.length == 0 ? "none" : String.format(java.util.Locale.ROOT, "%.1f %s",
                dev.gorunbench.report.SampleStats.of(samples).median(), record.path("primaryMetric").path("scoreUnit").asText());
    }
}
