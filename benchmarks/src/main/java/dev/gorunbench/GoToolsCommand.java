package dev.gorunbench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.exec.ProcessFailedException;
import dev.gorunbench.exec.ProcessRunner;
import dev.gorunbench.fixture.Fixture;
import dev.gorunbench.gotools.GoToolsStudy;
import dev.gorunbench.results.EnvironmentProbe;
import dev.gorunbench.results.ResultsFile;
import dev.gorunbench.toolchain.GoCommand;
import dev.gorunbench.toolchain.GoDiscovery;
import dev.gorunbench.toolchain.GoEnvironment;
import dev.gorunbench.toolchain.GoToolchain;
import dev.gorunbench.workdir.Trees;
import dev.gorunbench.workdir.WorkDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code Cli go-tools}: records every tool the go command starts in the fixtures' builds and writes
 * {@code results/go-tools.json} (calls and time per tool, {@code go run} waterfalls, checks) and one
 * {@code go run -debug-trace} file per fixture beside it.
 */
@Command(name = "go-tools", mixinStandardHelpOptions = true,
        description = "Times every tool of the fixtures' builds and writes results/go-tools.json and "
                + "results/go-run-trace-FIXTURE.json.")
final class GoToolsCommand implements Callable<Integer> {
    static final String RESULTS_FILE = "go-tools.json";

    @Option(names = "--go", defaultValue = "", description = "The go executable or GOROOT; default: go on PATH.")
    String go;

    @Option(names = "--root", defaultValue = ".", description = "The gorunbench checkout (holds fixtures/, tools/ and results/).")
    Path root;

    @Option(names = "--fixture", split = ",", description = "Fixtures to run, comma-separated; default: all.")
    List<String> fixtures = new ArrayList<>();

    @Option(names = "--timeout", defaultValue = "600", description = "Watchdog timeout of each command, in seconds.")
    long timeoutSeconds;

    @Option(names = "--keep-work", defaultValue = "false", arity = "1",
            description = "Keep the work directory after the run and print where it is.")
    boolean keepWork;

    @Override
    public Integer call() throws IOException {
        if (timeoutSeconds <= 0) {
            System.err.println("error: --timeout=" + timeoutSeconds + " must be a positive number of seconds.");
            return Cli.UNUSABLE_INPUT;
        }
        List<Fixture> selected = new ArrayList<>();
        try {
            fixtures.forEach(id -> selected.add(Fixture.fromId(id.trim())));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return Cli.UNUSABLE_INPUT;
        }
        if (selected.isEmpty()) {
            selected.addAll(List.of(Fixture.values()));
        }
        Path checkout = root.toAbsolutePath().normalize();
        Path resultsDir = checkout.resolve("results");
        Path workDir = WorkDirectory.create(Path.of(System.getProperty("java.io.tmpdir")));
        Thread cleanup = new Thread(() -> {
            // Ctrl-C or SIGTERM: kill the go commands still running, then remove their directory.
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            Trees.deleteRecursivelyUnchecked(workDir);
        }, "gorunbench-go-tools-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            ProcessRunner runner = new ProcessRunner();
            GoToolchain toolchain = new GoDiscovery(runner).discover(go, System.getenv(), workDir.resolve("probe"));
            GoCommand goCommand = new GoCommand(toolchain, runner, Duration.ofSeconds(timeoutSeconds));
            System.out.println("== " + toolchain.versionLine() + " at " + toolchain.executable());
            ObjectNode document = new GoToolsStudy(goCommand, checkout, workDir, System.out).run(selected, resultsDir);
            String goEnv = goCommand.envJson(workDir, GoEnvironment.create(workDir.resolve("env-probe"), System.getenv()));
            document.set("environment", new EnvironmentProbe(runner).collect(toolchain, goEnv, workDir, checkout));
            document.put("command", "java -cp benchmarks/target/benchmarks.jar dev.gorunbench.Cli go-tools"
                    + (fixtures.isEmpty() ? "" : " --fixture=" + String.join(",", fixtures)));
            Path written = resultsDir.resolve(RESULTS_FILE);
            ResultsFile.write(written, document);
            System.out.println("== Written to " + written);
            boolean passed = true;
            for (var check : document.path("checks")) {
                boolean ok = check.path("passed").asBoolean();
                passed &= ok;
                System.out.println("   " + (ok ? "ok     " : "FAILED ") + check.path("check").asText() + " ("
                        + check.path("detail").asText() + ")");
            }
            return passed ? Cli.OK : Cli.FAILED;
        } catch (ProcessFailedException e) {
            System.err.println("error: " + e.getMessage());
            return Cli.FAILED;
        } finally {
            Runtime.getRuntime().removeShutdownHook(cleanup);
            if (keepWork) {
                System.out.println("Work directory kept at " + workDir);
            } else {
                Trees.deleteRecursively(workDir);
            }
        }
    }
}
