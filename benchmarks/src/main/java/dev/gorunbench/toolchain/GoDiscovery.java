package dev.gorunbench.toolchain;

import dev.gorunbench.exec.ProcessFailedException;
import dev.gorunbench.exec.ProcessRequest;
import dev.gorunbench.exec.ProcessResult;
import dev.gorunbench.exec.ProcessRunner;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the Go toolchain to measure: the path given with {@code -Dbench.go=PATH}, else {@code go} on
 * PATH. Checks that it runs, that {@code go version} parses, and that it is not older than
 * {@link GoVersion#MINIMUM}, before any benchmark starts.
 */
public final class GoDiscovery {
    private static final String INSTALL_HINT =
            "Install Go " + GoVersion.MINIMUM.major() + "." + GoVersion.MINIMUM.minor()
                    + " or newer (https://go.dev/dl/) and put it on PATH, or pass --go=PATH"
                    + " (Maven: -Dbench.go=PATH) with the go executable or GOROOT.";

    private final ProcessRunner runner;

    public GoDiscovery(ProcessRunner runner) {
        this.runner = runner;
    }

    /**
     * Returns the toolchain to measure.
     *
     * @param configured the value of {@code -Dbench.go}; null or blank means search PATH
     * @param inherited the environment whose PATH is searched
     * @param scratch a directory for the isolated environment {@code go version} runs in
     * @throws ToolchainException naming what was tried and how to fix it
     */
    public GoToolchain discover(String configured, Map<String, String> inherited, Path scratch) {
        Path executable = configured == null || configured.isBlank()
                ? searchPath(inherited)
                : checkConfigured(Path.of(configured.trim()));
        return probe(executable, GoEnvironment.create(scratch, inherited));
    }

    /** Runs {@code go version} on {@code executable} and checks the release. */
    public GoToolchain probe(Path executable, GoEnvironment environment) {
        ProcessRequest request = ProcessRequest.builder(executable, environment.root())
                .argument("version")
                .environment(environment.toMap())
                .timeout(Duration.ofSeconds(60))
                .build();
        ProcessResult result;
        try {
            result = runner.run(request);
        } catch (ProcessFailedException e) {
            throw new ToolchainException("Go at " + executable + " could not be run: " + e.getMessage()
                    + "\n" + INSTALL_HINT, e);
        }
        String line = result.stdout().strip();
        if (result.exitCode() != 0) {
            throw new ToolchainException("'" + executable + " version' exited with code " + result.exitCode()
                    + ": " + (line + " " + result.stderrTail()).strip() + "\n" + INSTALL_HINT);
        }
        Optional<GoVersion> version = GoVersion.parse(line);
        if (version.isEmpty()) {
            throw new ToolchainException("'" + executable + " version' printed \"" + abbreviate(line)
                    + "\", which is not a Go version line such as \"go version go1.26.8 linux/amd64\". "
                    + "Is " + executable + " really the go command?\n" + INSTALL_HINT);
        }
        if (version.get().compareTo(GoVersion.MINIMUM) < 0) {
            throw new ToolchainException("Go at " + executable + " is " + version.get() + ", older than the minimum "
                    + GoVersion.MINIMUM + " this harness supports.\n" + INSTALL_HINT);
        }
        rejectInstallationFlags(executable, environment);
        return new GoToolchain(executable.toAbsolutePath(), version.get(), line);
    }

    /**
     * Rejects a GOFLAGS that reaches the go command despite the isolated environment. The environment sets
     * GOFLAGS empty, and the go command treats an empty variable as unset and falls back to the
     * installation's own {@code GOROOT/go.env} (Go 1.21 and newer), which GOENV=off does not turn off.
     */
    private void rejectInstallationFlags(Path executable, GoEnvironment environment) {
        ProcessRequest request = ProcessRequest.builder(executable, environment.root())
                .argument("env")
                .argument("GOFLAGS")
                .environment(environment.toMap())
                .timeout(Duration.ofSeconds(60))
                .build();
        String flags;
        try {
            flags = runner.runChecked(request, null).stdout().strip();
        } catch (ProcessFailedException e) {
            throw new ToolchainException("Go at " + executable + " could not report its GOFLAGS: " + e.getMessage(), e);
        }
        if (!flags.isEmpty()) {
            throw new ToolchainException("Go at " + executable + " adds GOFLAGS=" + flags + " from its installation's "
                    + "go.env (GOROOT/go.env), which would change every measured command. Remove that line from "
                    + "go.env, or pass --go=PATH with another installation.");
        }
    }

    private static Path checkConfigured(Path path) {
        Path candidate = path;
        if (Files.isDirectory(candidate)) {
            candidate = candidate.resolve("bin").resolve(executableName());
        }
        if (!Files.exists(candidate)) {
            throw new ToolchainException("Go was not found at " + path + " (from -Dbench.go). Pass the path of the go "
                    + "executable or of a Go installation directory (GOROOT).\n" + INSTALL_HINT);
        }
        if (!Files.isRegularFile(candidate) || !Files.isExecutable(candidate)) {
            throw new ToolchainException("Go at " + candidate + " (from -Dbench.go) is not an executable file. "
                    + "Check its permissions (chmod +x) or pass another path.\n" + INSTALL_HINT);
        }
        return candidate;
    }

    private static Path searchPath(Map<String, String> inherited) {
        String path = inherited.getOrDefault("PATH", inherited.getOrDefault("Path", ""));
        List<String> tried = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path candidate = Path.of(entry).resolve(executableName());
            tried.add(candidate.toString());
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new ToolchainException("Go was not found: no executable " + executableName() + " in any PATH entry"
                + (tried.isEmpty() ? " (PATH is empty)" : " (tried " + String.join(", ", tried) + ")") + ".\n"
                + INSTALL_HINT);
    }

    static String executableName() {
        return GoEnvironment.isWindows() ? "go.exe" : "go";
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 120 ? oneLine.substring(0, 120) + "..." : oneLine;
    }
}
