package dev.gorunbench.bench;

import dev.gorunbench.toolchain.GoEnvironment;
import dev.gorunbench.workdir.Trees;
import dev.gorunbench.workdir.WorkDirectory;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration one side of an interleaved A/B run changes in a trial, read from system properties
 * that the suite runner passes to the fork:
 *
 * <ul>
 *   <li>{@code bench.env.NAME=VALUE}: the Go environment variable NAME set to VALUE, on top of the
 *       isolated environment (for example GOFLAGS or GOAMD64).
 *   <li>{@code bench.tempRoot=PATH}: GOTMPDIR and the system temp variables point at a new directory
 *       under PATH, removed when the trial ends.
 * </ul>
 *
 * Without these properties nothing changes.
 */
final class Variant {
    static final String ENV_PREFIX = "bench.env.";

    private final Map<String, String> variables;
    private final Path tempRoot;
    private Path tempDir;

    private Variant(Map<String, String> variables, Path tempRoot) {
        this.variables = variables;
        this.tempRoot = tempRoot;
    }

    static Variant fromSystemProperties() {
        Map<String, String> variables = new TreeMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                variables.put(name.substring(ENV_PREFIX.length()), System.getProperty(name));
            }
        }
        String tempRoot = System.getProperty("bench.tempRoot", "");
        return new Variant(variables, tempRoot.isBlank() ? null : Path.of(tempRoot));
    }

    /** Returns {@code environment} with this variant's variables and temp directory. */
    GoEnvironment apply(GoEnvironment environment) {
        GoEnvironment changed = environment;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            changed = changed.with(variable.getKey(), variable.getValue());
        }
        if (tempRoot != null) {
            tempDir = WorkDirectory.createChild(tempRoot, "gorunbench-tmp-");
            changed = changed.withTempDirectory(tempDir);
        }
        return changed;
    }

    /** Removes the temp directory {@link #apply} created, if any. */
    void cleanUp() {
        if (tempDir != null) {
            Trees.deleteRecursivelyUnchecked(tempDir);
        }
    }
}
