package dev.gorunbench.suite;

import dev.gorunbench.exec.ProcessFailedException;
import dev.gorunbench.exec.ProcessTrees;
import dev.gorunbench.fixture.Fixture;
import dev.gorunbench.fixture.FixtureSpec;
import dev.gorunbench.fixture.Workspace;
import dev.gorunbench.toolchain.GoCommand;
import dev.gorunbench.toolchain.GoEnvironment;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A build cache with the standard library (and runtime/cgo) compiled, built once per run and copied by
 * each trial into its own GOCACHE, so a trial does not spend ten seconds of untimed setup compiling the
 * standard library again. Only trials that start from a cached standard library use it; the cold-cache
 * scenario replaces the cache before every sample. A fixture that does not build is left out of the
 * seed with a note; its benchmarks then fail in their own setup, with the command and its output, while
 * the other fixtures' benchmarks still run.
 */
final class SeedCache {
    private SeedCache() {
    }

    /** Builds every fixture once under {@code dir} and returns the seeded build cache. */
    static Path build(GoCommand go, Path fixturesDir, Path dir, PrintStream out) {
        return build(go, fixturesDir, dir, List.of(Fixture.values()), out);
    }

    /**
     * Builds only {@code fixtures} once under {@code dir} and returns the seeded build cache. A fixture
     * that does not build is reported on {@code out} and left out.
     */
    static Path build(GoCommand go, Path fixturesDir, Path dir, List<Fixture> fixtures, PrintStream out) {
        GoEnvironment environment = GoEnvironment.create(dir.resolve("env"), System.getenv());
        for (Fixture fixture : fixtures) {
            Workspace workspace = Workspace.create(FixtureSpec.load(fixturesDir, fixture), dir.resolve("src"));
            Path output = dir.resolve(GoCommand.executableFileName("seed-" + fixture.id()));
            try {
                go.build(workspace.project(), environment, List.of(), output);
            } catch (ProcessFailedException e) {
                if (ProcessTrees.stopping()) {
                    throw e;
                }
                out.println("   fixture " + fixture.id() + " does not build; its benchmarks will fail: "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        return environment.buildCache();
    }
}
