package dev.gorunbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.exec.ProcessRequest;
import dev.gorunbench.exec.ProcessResult;
import dev.gorunbench.exec.ProcessRunner;
import dev.gorunbench.toolchain.GoToolchain;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Collects the environment a run happened in: Go version and {@code go env -json}, OS and kernel, CPU
 * model and logical cores, memory, JDK, the file-system type of the work directory, the project's git
 * commit and the UTC time. Values the OS does not report are written as "unknown".
 */
public final class EnvironmentProbe {
    private static final String UNKNOWN = "unknown";
    private final ProcessRunner runner;

    public EnvironmentProbe(ProcessRunner runner) {
        this.runner = runner;
    }

    /**
     * Returns the environment object of a results file.
     *
     * @param goEnvJson the output of {@code go env -json} in the harness's isolated environment
     */
    public ObjectNode collect(GoToolchain go, String goEnvJson, Path workDir, Path projectRoot) {
        ObjectNode env = ResultsFile.JSON.createObjectNode();
        env.put("timeUtc", Instant.now().toString());
        ObjectNode goNode = env.putObject("go");
        goNode.put("version", go.version().toString());
        goNode.put("versionLine", go.versionLine());
        goNode.put("executable", go.executable().toString());
        try {
            goNode.set("env", ResultsFile.JSON.readTree(goEnvJson));
        } catch (IOException e) {
            goNode.put("env", UNKNOWN);
        }

        ObjectNode os = env.putObject("os");
        os.put("name", System.getProperty("os.name"));
        os.put("version", System.getProperty("os.version"));
        os.put("arch", System.getProperty("os.arch"));
        os.put("kernel", readFirstLine(Path.of("/proc/sys/kernel/osrelease")).orElse(System.getProperty("os.version")));

        ObjectNode cpu = env.putObject("cpu");
        cpu.put("model", cpuModel());
        cpu.put("logicalCores", Runtime.getRuntime().availableProcessors());
        env.put("memoryBytes", totalMemory());

        ObjectNode jdk = env.putObject("jdk");
        jdk.put("version", System.getProperty("java.version"));
        jdk.put("vendor", System.getProperty("java.vendor"));
        jdk.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));

        ObjectNode work = env.putObject("workDirectory");
        work.put("path", workDir.toString());
        work.put("fileSystem", fileSystemType(workDir));
        env.put("pageCache", "not dropped: file data read by earlier samples may be cached in memory");
        env.put("windowsDefenderRealTime", DefenderStatus.probe(runner));

        ObjectNode git = env.putObject("project");
        git.put("commit", git(projectRoot, List.of("rev-parse", "HEAD")).orElse(UNKNOWN));
        git.put("dirty", git(projectRoot, List.of("status", "--porcelain", "--untracked-files=no"))
                .map(status -> !status.isBlank()).orElse(false));
        return env;
    }

    /** Returns the file-system type the JDK reports for {@code path}, such as ext4 or tmpfs. */
    public static String fileSystemType(Path path) {
        try {
            return Files.getFileStore(path).type();
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    /**
     * Returns the load averages as Linux's {@code /proc/loadavg} states them (1, 5 and 15 minutes, runnable
     * and total threads), else the JVM's one-minute figure (macOS), else "unknown" (Windows has none).
     */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return load < 0 ? UNKNOWN : String.format(java.util.Locale.ROOT, "%.2f", load);
        }
    }

    private Optional<String> git(Path dir, List<String> arguments) {
        Optional<Path> git = findOnPath(System.getProperty("os.name", "").startsWith("Windows") ? "git.exe" : "git");
        if (git.isEmpty()) {
            return Optional.empty();
        }
        try {
            ProcessResult result = runner.run(ProcessRequest.builder(git.get(), dir)
                    .arguments(arguments)
                    .environment(System.getenv())
                    .timeout(Duration.ofSeconds(30))
                    .build());
            return result.exitCode() == 0 ? Optional.of(result.stdout().strip()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> findOnPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank() && Files.isExecutable(Path.of(entry, name))) {
                return Optional.of(Path.of(entry, name));
            }
        }
        return Optional.empty();
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or /proc is not mounted.
        }
        String identifier = System.getenv("PROCESSOR_IDENTIFIER");
        return identifier != null ? identifier : UNKNOWN;
    }

    private static long totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean bean) {
            return bean.getTotalMemorySize();
        }
        return -1;
    }

    private static Optional<String> readFirstLine(Path file) {
        try {
            return Files.readAllLines(file).stream().findFirst().map(String::trim);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Returns the value at a slash-separated path in the environment object, or "unknown". */
    public static String text(JsonNode environment, String path) {
        JsonNode node = environment;
        for (String part : path.split("/")) {
            node = node.path(part);
        }
        return node.isMissingNode() || node.isNull() ? UNKNOWN : node.asText();
    }
}
