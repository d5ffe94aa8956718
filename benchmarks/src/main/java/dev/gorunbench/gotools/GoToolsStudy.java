package dev.gorunbench.gotools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.exec.ProcessResult;
import dev.gorunbench.fixture.Fixture;
import dev.gorunbench.fixture.FixtureSpec;
import dev.gorunbench.fixture.Workspace;
import dev.gorunbench.results.AtomicFiles;
import dev.gorunbench.results.ResultsFile;
import dev.gorunbench.toolchain.GoCommand;
import dev.gorunbench.toolchain.GoEnvironment;
import dev.gorunbench.workdir.WorkDirectory;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Runs each fixture's builds with every tool recorded and returns calls and time per tool, the
 * {@code go run} waterfalls and the checks on them, as the document {@code results/go-tools.json}.
 *
 * <p>Per fixture, in one isolated environment: {@code go build -a} with an empty build cache (cold),
 * then with every Go file edited (cold project), with the leaf file edited (incremental) and with
 * nothing changed (warm); then {@code go run} with every Go file edited and again with nothing changed,
 * each with {@code -debug-trace} for its waterfall. Every build's binary and every run's output is
 * checked against the fixture's expected output. Each scenario runs once: the figures show where the
 * time goes, the JMH benchmarks give its distribution.
 */
public final class GoToolsStudy {
    /** The go build scenarios in the order they run, each starting from the state the one before left. */
    static final List<String> SCENARIOS = List.of("cold", "coldProject", "incremental", "warm");

    private final GoCommand go;
    private final Path root;
    private final Path workDir;
    private final PrintStream out;
    private long edits;

    public GoToolsStudy(GoCommand go, Path root, Path workDir, PrintStream out) {
        this.go = go;
        this.root = root;
        this.workDir = workDir;
        this.out = out;
    }

    /**
     * Runs the study on {@code fixtures}, writes each fixture's {@code go run} trace to
     * {@code resultsDir/go-run-trace-FIXTURE.json} and returns the document (without environment).
     */
    public ObjectNode run(List<Fixture> fixtures, Path resultsDir) {
        GoEnvironment buildEnvironment = GoEnvironment.create(workDir.resolve("recorder-env"), System.getenv());
        ToolRecorder recorder = ToolRecorder.build(go, root.resolve("tools").resolve("toolexec-recorder"),
                buildEnvironment, workDir.resolve("recorder"));
        Path goToolDir = Path.of(go.invoke(workDir, buildEnvironment, List.of("env", "GOTOOLDIR")).stdout().trim());

        ObjectNode document = ResultsFile.JSON.createObjectNode();
        document.put("schemaVersion", 1);
        document.put("goToolDir", goToolDir.toString());
        ArrayNode fixtureNodes = document.putArray("fixtures");
        ArrayNode checks = document.putArray("checks");
        for (Fixture fixture : fixtures) {
            out.println("== " + fixture.id());
            fixtureNodes.add(runFixture(fixture, recorder, goToolDir, resultsDir, checks));
        }
        return document;
    }

    private ObjectNode runFixture(Fixture fixture, ToolRecorder recorder, Path goToolDir, Path resultsDir,
            ArrayNode checks) {
        Path dir = WorkDirectory.createChild(workDir, fixture.id() + "-");
        FixtureSpec spec = FixtureSpec.load(root.resolve("fixtures"), fixture);
        Workspace workspace = Workspace.create(spec, dir.resolve("src"));
        GoEnvironment base = GoEnvironment.create(dir.resolve("env"), System.getenv())
                .withBuildCache(dir.resolve("empty-gocache"));
        Path binary = dir.resolve(GoCommand.executableFileName("fixture-bin"));

        ObjectNode node = ResultsFile.JSON.createObjectNode();
        node.put("fixture", fixture.id());
        ArrayNode scenarios = node.putArray("scenarios");
        for (String scenario : SCENARIOS) {
            switch (scenario) {
                case "coldProject" -> workspace.editAllGoFiles(marker());
                case "incremental" -> workspace.editLeafFile(marker());
                default -> { }
            }
            List<String> flags = scenario.equals("cold")
                    ? List.of("-a", recorder.toolexecFlag()) : List.of(recorder.toolexecFlag());
            Recorded recorded = record(dir,
                    records -> go.build(workspace.project(), recorder.environment(base, records), flags, binary));
            go.exec(binary, workspace.project(), base, spec.expectedStdout());
            String command = "go build " + String.join(" ", display(flags, recorder)) + " -o BIN .";
            scenarios.add(scenarioNode("go build", scenario, command, recorded, goToolDir));
            out.println("   go build " + scenario + ": " + Math.round(recorded.result.wallNanos() / 1e6) + " ms, "
                    + recorded.calls.size() + " tool calls");
            if (scenario.equals("warm") && spec.cgo()) {
                long compilations = ToolTable.cCompilations(recorded.calls, goToolDir);
                addCheck(checks, fixture.id() + ": warm go build compiles no C or C++", compilations == 0,
                        compilations + " C compiler calls that compiled or linked");
            }
        }

        ArrayNode waterfalls = node.putArray("waterfalls");
        for (String scenario : List.of("coldProject", "warm")) {
            if (scenario.equals("coldProject")) {
                workspace.editAllGoFiles(marker());
            }
            Path trace = dir.resolve("trace-" + scenario + ".json");
            List<String> flags = List.of(recorder.toolexecFlag(), recorder.execFlag(), "-debug-trace=" + trace);
            long[] start = new long[1];
            Recorded recorded = record(dir, records -> {
                start[0] = unixNanoNow();
                return go.run(workspace.project(), recorder.environment(base, records), flags, spec.expectedStdout());
            });
            String command = "go run " + String.join(" ", display(flags, recorder)) + " .";
            scenarios.add(scenarioNode("go run", scenario, command, recorded, goToolDir));
            Waterfall.Result waterfall = Waterfall.compute(start[0], recorded.result.wallNanos(), recorded.calls,
                    goToolDir, DebugTrace.read(trace));
            waterfalls.add(waterfallNode(scenario, command, waterfall));
            addCheck(checks, fixture.id() + ": go run " + scenario + " waterfall adds up within "
                    + Math.round(Waterfall.TOLERANCE * 100) + "%", waterfall.withinTolerance(),
                    String.format(Locale.ROOT, "parts %.1f ms, total %.1f ms", waterfall.sumNanos() / 1e6,
                            waterfall.totalNanos() / 1e6));
            out.println("   go run " + scenario + ": " + Math.round(recorded.result.wallNanos() / 1e6) + " ms");
            if (scenario.equals("coldProject")) {
                Path kept = resultsDir.resolve("go-run-trace-" + fixture.id() + ".json");
                copyAtomically(trace, kept);
                node.put("trace", kept.getFileName().toString());
            } else if (go.toolchain().cachesGoRunExecutables()) {
                long links = ToolTable.links(recorded.calls, goToolDir);
                addCheck(checks, fixture.id() + ": warm go run does not link (Go 1.24 and newer cache the executable)",
                        links == 0, links + " link calls");
            }
        }
        return node;
    }

    /** The calls and result of one recorded command. */
    private record Recorded(ProcessResult result, List<ToolCall> calls) {
    }

    /** Runs {@code command} with a new, empty record directory and returns its result and recorded calls. */
    private static Recorded record(Path dir, Function<Path, ProcessResult> command) {
        Path records = WorkDirectory.createChild(dir, "records-");
        ProcessResult result = command.apply(records);
        return new Recorded(result, ToolRecorder.read(records));
    }

    private static ObjectNode scenarioNode(String kind, String scenario, String command, Recorded recorded,
            Path goToolDir) {
        ObjectNode node = ResultsFile.JSON.createObjectNode();
        node.put("command", kind);
        node.put("scenario", scenario);
        node.put("commandLine", command);
        node.put("wallMs", recorded.result.wallNanos() / 1e6);
        node.put("cpuMs", recorded.result.cpuNanos() < 0 ? -1 : recorded.result.cpuNanos() / 1e6);
        ArrayNode tools = node.putArray("tools");
        for (ToolTable.Row row : ToolTable.summarize(recorded.calls, goToolDir, recorded.result.wallNanos())) {
            tools.add(ResultsFile.JSON.valueToTree(row));
        }
        return node;
    }

    private static ObjectNode waterfallNode(String scenario, String command, Waterfall.Result waterfall) {
        ObjectNode node = ResultsFile.JSON.createObjectNode();
        node.put("scenario", scenario);
        node.put("commandLine", command);
        node.put("totalMs", waterfall.totalNanos() / 1e6);
        node.put("sumMs", waterfall.sumNanos() / 1e6);
        node.put("withinTolerance", waterfall.withinTolerance());
        ArrayNode parts = node.putArray("parts");
        for (Waterfall.Part part : waterfall.parts()) {
            ObjectNode partNode = parts.addObject();
            partNode.put("part", part.part());
            partNode.put("ms", part.ms());
            partNode.put("measuredBy", part.measuredBy());
        }
        return node;
    }

    private static void addCheck(ArrayNode checks, String check, boolean passed, String detail) {
        ObjectNode node = checks.addObject();
        node.put("check", check);
        node.put("passed", passed);
        node.put("detail", detail);
    }

    /** Returns the flags with the recorder's and the trace's paths replaced by placeholders. */
    private static List<String> display(List<String> flags, ToolRecorder recorder) {
        List<String> shown = new ArrayList<>();
        for (String flag : flags) {
            if (flag.startsWith("-debug-trace=")) {
                shown.add("-debug-trace=TRACE");
            } else {
                shown.add(flag.replace(recorder.toolexecFlag().substring("-toolexec=".length()), "RECORDER"));
            }
        }
        return shown;
    }

    private String marker() {
        return "go-tools-" + ProcessHandle.current().pid() + "-" + (++edits);
    }

    private static long unixNanoNow() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static void copyAtomically(Path from, Path to) {
        try {
            AtomicFiles.write(to, Files.readAllBytes(from));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }
}
