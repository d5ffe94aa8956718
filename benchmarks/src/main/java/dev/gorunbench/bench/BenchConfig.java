package dev.gorunbench.bench;

import dev.gorunbench.fixture.Fixture;
import dev.gorunbench.fixture.FixtureSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings a benchmark fork reads from system properties. The suite runner passes them to every fork;
 * when JMH is run directly ({@code java -jar benchmarks/target/benchmarks.jar}) the defaults apply.
 *
 * <ul>
 *   <li>{@code bench.root}: the gorunbench checkout; default: the current directory or the nearest parent
 *       that contains {@code fixtures/hello}.
 *   <li>{@code bench.workDir}: where trials create their directories; default: a new work directory under
 *       {@code java.io.tmpdir}, removed when the trial ends.
 *   <li>{@code bench.go}: the go executable; default: {@code go} on PATH.
 *   <li>{@code bench.timeoutSeconds}: the watchdog timeout of each command; default 600.
 *   <li>{@code bench.seedCache}: a build cache with the standard library compiled, copied into each trial's
 *       own GOCACHE; default: none, so each trial compiles the standard library in its untimed setup.
 * </ul>
 */
public record BenchConfig(Path root, Path workDir, String go, Duration timeout, Path seedCache) {

    public static BenchConfig fromSystemProperties() {
        String root = System.getProperty("bench.root", "");
        String workDir = System.getProperty("bench.workDir", "");
        String timeout = System.getProperty("bench.timeoutSeconds", "600");
        String seed = System.getProperty("bench.seedCache", "");
        long seconds;
        try {
            seconds = Long.parseLong(timeout.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bench.timeoutSeconds=" + timeout + " is not a whole number of seconds.");
        }
        if (seconds <= 0) {
            throw new IllegalArgumentException("bench.timeoutSeconds=" + timeout + " must be positive.");
        }
        return new BenchConfig(
                root.isBlank() ? findRoot(Path.of("").toAbsolutePath()) : Path.of(root).toAbsolutePath().normalize(),
                workDir.isBlank() ? null : Path.of(workDir),
                System.getProperty("bench.go", ""),
                Duration.ofSeconds(seconds),
                seed.isBlank() ? null : Path.of(seed));
    }

    /** Returns the fixture's files as bundled in this checkout. */
    public FixtureSpec fixture(String id) {
        return FixtureSpec.load(root.resolve("fixtures"), Fixture.fromId(id));
    }

    /** Returns {@code start} or its nearest parent holding the bundled fixtures. */
    static Path findRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("fixtures").resolve("hello").resolve("fixture.properties"))) {
                return dir;
            }
        }
        throw new IllegalStateException("The gorunbench checkout was not found from " + start + ": no parent holds "
                + "fixtures/hello/fixture.properties. Run from the checkout or pass -Dbench.root=PATH.");
    }
}
