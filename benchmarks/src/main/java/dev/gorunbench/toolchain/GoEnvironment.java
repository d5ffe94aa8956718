package dev.gorunbench.toolchain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The complete environment of every Go invocation, built by the harness so the user's settings never
 * change a number and the user's caches are never touched.
 *
 * <p>Nothing is inherited except what finding programs and running on the OS needs (PATH, and on
 * Windows SystemRoot and friends). GOCACHE, GOMODCACHE, GOPATH, GOTMPDIR, HOME and the system temp
 * variables point under one directory of the run; GOFLAGS is empty, GOENV=off (no go.env file is read),
 * GOTOOLCHAIN=local, GOPROXY=off, GOSUMDB=off, telemetry is off and CGO_ENABLED is explicit.
 */
public final class GoEnvironment {
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    private static final String[] PASSED_THROUGH_UNIX = {"PATH"};
    private static final String[] PASSED_THROUGH_WINDOWS = {
        "Path", "PATH", "SystemRoot", "SystemDrive", "windir", "ComSpec", "PATHEXT", "NUMBER_OF_PROCESSORS",
        "PROCESSOR_ARCHITECTURE"
    };

    private final Path root;
    private final TreeMap<String, String> variables;

    private GoEnvironment(Path root, TreeMap<String, String> variables) {
        this.root = root;
        this.variables = variables;
    }

    /**
     * Creates the directories of an isolated environment under {@code root} and returns it.
     *
     * @param inherited the JVM's own environment, from which only PATH (and OS basics on Windows) is kept
     */
    public static GoEnvironment create(Path root, Map<String, String> inherited) {
        TreeMap<String, String> variables = new TreeMap<>(WINDOWS ? String.CASE_INSENSITIVE_ORDER : null);
        for (String name : WINDOWS ? PASSED_THROUGH_WINDOWS : PASSED_THROUGH_UNIX) {
            String value = inherited.get(name);
            if (value != null) {
                variables.put(name, value);
            }
        }
        Path gocache = createDirectory(root.resolve("gocache"));
        Path tmp = createDirectory(root.resolve("tmp"));
        Path home = createDirectory(root.resolve("home"));
        variables.put("GOCACHE", gocache.toString());
        variables.put("GOMODCACHE", createDirectory(root.resolve("gomodcache")).toString());
        variables.put("GOPATH", createDirectory(root.resolve("gopath")).toString());
        variables.put("GOTMPDIR", tmp.toString());
        variables.put("GOFLAGS", "");
        variables.put("GOENV", "off");
        variables.put("GOTOOLCHAIN", "local");
        variables.put("GOPROXY", "off");
        variables.put("GOSUMDB", "off");
        variables.put("GONOSUMDB", "");
        variables.put("GOPRIVATE", "");
        variables.put("GOTELEMETRY", "off");
        variables.put("GOWORK", "off");
        variables.put("CGO_ENABLED", "1");
        variables.put("GO111MODULE", "on");
        variables.put("LC_ALL", "C");
        variables.put("HOME", home.toString());
        if (WINDOWS) {
            variables.put("USERPROFILE", home.toString());
            variables.put("LOCALAPPDATA", home.toString());
            variables.put("APPDATA", home.toString());
            variables.put("TMP", tmp.toString());
            variables.put("TEMP", tmp.toString());
        } else {
            variables.put("TMPDIR", tmp.toString());
            variables.put("XDG_CONFIG_HOME", home.toString());
            variables.put("XDG_CACHE_HOME", home.toString());
        }
        CacheTrim.postpone(gocache);
        turnTelemetryOff(home);
        return new GoEnvironment(root, variables);
    }

    /** Returns a copy with one variable set (an empty value sets it empty, which Go treats as unset). */
    public GoEnvironment with(String name, String value) {
        TreeMap<String, String> copy = new TreeMap<>(variables.comparator());
        copy.putAll(variables);
        copy.put(name, value);
        return new GoEnvironment(root, copy);
    }

    /** Returns a copy whose build cache is {@code gocache}, with the daily trim postponed. */
    public GoEnvironment withBuildCache(Path gocache) {
        createDirectory(gocache);
        CacheTrim.postpone(gocache);
        return with("GOCACHE", gocache.toString());
    }

    /** Returns a copy with GOTMPDIR and the system temp variables (TMPDIR, or TMP and TEMP) at {@code dir}. */
    public GoEnvironment withTempDirectory(Path dir) {
        GoEnvironment changed = with("GOTMPDIR", dir.toString());
        return WINDOWS ? changed.with("TMP", dir.toString()).with("TEMP", dir.toString())
                : changed.with("TMPDIR", dir.toString());
    }

    public Path root() {
        return root;
    }

    public Path buildCache() {
        return Path.of(variables.get("GOCACHE"));
    }

    public String get(String name) {
        return variables.get(name);
    }

    /** Returns the complete environment for a child process. */
    public Map<String, String> toMap() {
        return new TreeMap<>(variables);
    }

    static boolean isWindows() {
        return WINDOWS;
    }

    /**
     * Writes the telemetry mode file "off" where the go command looks for it (os.UserConfigDir: HOME or
     * XDG_CONFIG_HOME on Linux, Library/Application Support on macOS, APPDATA on Windows). GOTELEMETRY
     * is only reported by {@code go env}, never read, so without this file Go 1.23 and newer count
     * events into HOME and start a background child that writes there after the command has exited.
     */
    private static void turnTelemetryOff(Path home) {
        for (Path configDir : new Path[] {home, home.resolve("Library").resolve("Application Support")}) {
            Path mode = createDirectory(configDir.resolve("go").resolve("telemetry")).resolve("mode");
            try {
                Files.writeString(mode, "off");
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + mode + ": " + e.getMessage(), e);
            }
        }
    }

    private static Path createDirectory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
