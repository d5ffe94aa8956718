package dev.gorunbench.toolchain;

import java.nio.file.Path;

/**
 * A Go installation that passed discovery: the absolute path of its {@code go} executable, its release,
 * and the raw {@code go version} line.
 */
public record GoToolchain(Path executable, GoVersion version, String versionLine) {

    /** Returns true when {@code go run} caches the executables it links, which Go 1.24 began doing. */
    public boolean cachesGoRunExecutables() {
        return version.atLeast(1, 24);
    }
}
