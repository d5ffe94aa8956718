package dev.gorunbench.toolchain;

import dev.gorunbench.exec.ProcessRequest;
import dev.gorunbench.exec.ProcessResult;
import dev.gorunbench.exec.ProcessRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The go command invocations of the harness: {@code go run}, {@code go build}, {@code go env} and the built
 * program, each in the isolated {@link GoEnvironment} and each checked for exit code 0 and, where given,
 * the expected stdout.
 */
public final class GoCommand {
    private final GoToolchain toolchain;
    private final ProcessRunner runner;
    private final Duration timeout;

    public GoCommand(GoToolchain toolchain, ProcessRunner runner, Duration timeout) {
        this.toolchain = toolchain;
        this.runner = runner;
        this.timeout = timeout;
    }

    public GoToolchain toolchain() {
        return toolchain;
    }

    /** Runs {@code go run [flags] .} in {@code project} and checks its stdout. */
    public ProcessResult run(Path project, GoEnvironment environment, List<String> flags, String expectedStdout) {
        return runner.runChecked(runRequest(project, environment, flags), expectedStdout);
    }

    /** Returns the request {@link #run} starts, for tools that run the same command another way. */
    public ProcessRequest runRequest(Path project, GoEnvironment environment, List<String> flags) {
        return go(project, environment)
                .argument("run")
                .arguments(flags)
                .argument(".")
                .build();
    }

    /** Runs {@code go build [flags] -o OUTPUT .} in {@code project}. */
    public ProcessResult build(Path project, GoEnvironment environment, List<String> flags, Path output) {
        return runner.runChecked(buildRequest(project, environment, flags, output), null);
    }

    /** Returns the request {@link #build} starts, for tools that run the same command another way. */
    public ProcessRequest buildRequest(Path project, GoEnvironment environment, List<String> flags, Path output) {
        return go(project, environment)
                .argument("build")
                .arguments(flags)
                .argument("-o")
                .argument(output.toString())
                .argument(".")
                .build();
    }

    /** Runs any go subcommand with its arguments, checking only the exit code. */
    public ProcessResult invoke(Path directory, GoEnvironment environment, List<String> arguments) {
        return runner.runChecked(go(directory, environment).arguments(arguments).build(), null);
    }

    /** Runs a built program directly and checks its stdout. */
    public ProcessResult exec(Path binary, Path directory, GoEnvironment environment, String expectedStdout) {
        return runner.runChecked(execRequest(binary, directory, environment), expectedStdout);
    }

    /** Returns the request {@link #exec} starts, for tools that run the same command another way. */
    public ProcessRequest execRequest(Path binary, Path directory, GoEnvironment environment) {
        return ProcessRequest.builder(binary, directory)
                .environment(environment.toMap())
                .timeout(timeout)
                .build();
    }

    /** Returns the output of {@code go env -json} in the isolated environment. */
    public String envJson(Path directory, GoEnvironment environment) {
        return invoke(directory, environment, List.of("env", "-json")).stdout();
    }

    /** Returns the file name of an executable on this OS: {@code name.exe} on Windows. */
    public static String executableFileName(String name) {
        return GoEnvironment.isWindows() ? name + ".exe" : name;
    }

    private ProcessRequest.Builder go(Path directory, GoEnvironment environment) {
        return ProcessRequest.builder(toolchain.executable(), directory)
                .environment(environment.toMap())
                .timeout(timeout);
    }
}
