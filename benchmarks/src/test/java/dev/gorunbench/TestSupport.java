package dev.gorunbench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gorunbench.exec.ProcessRunner;
import dev.gorunbench.toolchain.GoDiscovery;
import dev.gorunbench.toolchain.GoToolchain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/** Shared helpers of the tests: the checkout, the real Go toolchain, and fake executables for failures. */
public final class TestSupport {
    private static GoToolchain toolchain;

    private TestSupport() {
    }

    /** Returns the gorunbench checkout, from the bench.root property Maven sets or the working directory. */
    public static Path root() {
        String root = System.getProperty("bench.root");
        if (root != null && !root.isBlank()) {
            return Path.of(root).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        return Files.isDirectory(dir.resolve("fixtures")) ? dir : dir.getParent();
    }

    public static Path fixtures() {
        return root().resolve("fixtures");
    }

    /** Returns the real Go toolchain on PATH, found once per test JVM. */
    public static synchronized GoToolchain go(Path scratch) {
        if (toolchain == null) {
            toolchain = new GoDiscovery(new ProcessRunner()).discover("", System.getenv(), scratch);
        }
        return toolchain;
    }

    public static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /**
     * Writes an executable shell script, for provoking failures in the process layer (a hang, a crash,
     * garbage output). Skips the calling test on Windows, where the scripts would need another form.
     */
    public static Path fakeExecutable(Path dir, String name, String body) {
        assumeTrue(!isWindows(), "fake executables are POSIX shell scripts");
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, "#!/bin/sh\n" + body + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
