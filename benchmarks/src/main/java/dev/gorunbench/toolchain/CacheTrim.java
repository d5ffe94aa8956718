package dev.gorunbench.toolchain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the go command's periodic build-cache trim out of timed samples.
 *
 * <p>The go command trims GOCACHE at most once a day and records the time of the last trim, in Unix
 * seconds, in {@code GOCACHE/trim.txt} (cmd/go/internal/cache, Go 1.12 and newer). Writing the current
 * time there when a cache is created makes the go command skip trimming in every sample, instead of in
 * whichever sample happens to be first.
 */
final class CacheTrim {
    private CacheTrim() {
    }

    static void postpone(Path gocache) {
        try {
            long now = System.currentTimeMillis() / 1000;
            Files.writeString(gocache.resolve("trim.txt"), Long.toString(now), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + gocache.resolve("trim.txt") + ": " + e.getMessage(), e);
        }
    }
}
