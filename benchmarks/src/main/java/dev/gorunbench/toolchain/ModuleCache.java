package dev.gorunbench.toolchain;

import dev.gorunbench.exec.ProcessFailedException;
import dev.gorunbench.workdir.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Empties a module cache (GOMODCACHE). The go command extracts modules read-only, so a recursive delete
 * fails on them (except as root) unless it first makes them writable. {@code go clean -modcache}
 * removes them. Building with {@code -modcacherw} would leave them writable instead, but it also
 * changes what a download does, so the benchmarks keep the default and clean this way.
 */
public final class ModuleCache {
    private ModuleCache() {
    }

    /**
     * Removes everything in the GOMODCACHE of {@code environment} and leaves the directory empty.
     * Runs {@code go clean -modcache} first; when that fails or leaves files (an interrupted download,
     * a toolchain that skips some), the rest is made writable and deleted.
     *
     * @throws UncheckedIOException only when neither way could remove the files
     */
    public static void clean(GoCommand go, GoEnvironment environment) {
        Path cache = Path.of(environment.get("GOMODCACHE"));
        if (Files.isDirectory(cache)) {
            try {
                go.invoke(environment.root(), environment, List.of("clean", "-modcache"));
            } catch (ProcessFailedException e) {
                // The recursive delete below handles read-only files itself.
            }
        }
        try {
            Trees.deleteRecursively(cache);
            Files.createDirectories(cache);
            try (Stream<Path> left = Files.list(cache)) {
                if (left.findAny().isPresent()) {
                    throw new IOException("files are left in it");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not empty the module cache " + cache + ": " + e.getMessage(), e);
        }
    }
}
