package dev.gorunbench.bench;

import dev.gorunbench.exec.ProcessRunner;
import dev.gorunbench.toolchain.GoCommand;
import dev.gorunbench.toolchain.GoDiscovery;
import dev.gorunbench.toolchain.GoEnvironment;
import dev.gorunbench.toolchain.GoToolchain;
import dev.gorunbench.workdir.Trees;
import dev.gorunbench.workdir.WorkDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The common part of a trial's setup for states that do not use a bundled fixture: a private trial
 * directory, the toolchain, and an isolated environment. When the suite passed a seed cache (the
 * standard library compiled), the environment's build cache is a copy of it. {@link #close()} removes
 * everything the trial made.
 */
final class TrialDirectory implements AutoCloseable {
    final BenchConfig config;
    final Path directory;
    final GoCommand go;
    final GoEnvironment environment;
    private final Path ownWorkDir;

    private TrialDirectory(BenchConfig config, Path directory, Path ownWorkDir, GoCommand go,
            GoEnvironment environment) {
        this.config = config;
        this.directory = directory;
        this.ownWorkDir = ownWorkDir;
        this.go = go;
        this.environment = environment;
    }

    /** Creates {@code trial-NAME-*} under the configured work directory, or under a new one of its own. */
    static TrialDirectory open(String name) {
        BenchConfig config = BenchConfig.fromSystemProperties();
        Path parent = config.workDir();
        Path ownWorkDir = null;
        if (parent == null) {
            ownWorkDir = WorkDirectory.create(Path.of(System.getProperty("java.io.tmpdir")));
            parent = ownWorkDir;
        }
        Path directory = WorkDirectory.createChild(parent, "trial-" + name + "-");
        ProcessRunner runner = new ProcessRunner();
        GoToolchain toolchain = new GoDiscovery(runner).discover(config.go(), System.getenv(), directory.resolve("probe"));
        GoEnvironment environment = GoEnvironment.create(directory.resolve("env"), System.getenv());
        if (config.seedCache() != null) {
            environment = environment.withBuildCache(copySeedCache(config.seedCache(), directory.resolve("seeded-gocache")));
        }
        return new TrialDirectory(config, directory, ownWorkDir, new GoCommand(toolchain, runner, config.timeout()),
                environment);
    }

    /**
     * Copies the seed build cache to {@code target}, or returns an empty {@code target} when the suite gave
     * none, so a scenario can start every sample from "standard library cached, project not".
     */
    Path freshBuildCache(Path target) {
        if (config.seedCache() == null) {
            return target;
        }
        return copySeedCache(config.seedCache(), target);
    }

    private static Path copySeedCache(Path seed, Path target) {
        try {
            Trees.copy(seed, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the seed build cache " + seed + " to " + target + ": "
                    + e.getMessage(), e);
        }
        return target;
    }

    @Override
    public void close() {
        Trees.deleteRecursivelyUnchecked(ownWorkDir != null ? ownWorkDir : directory);
    }
}
