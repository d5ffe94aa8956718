package dev.gorunbench.bench;

import dev.gorunbench.exec.ProcessResult;
import dev.gorunbench.fixture.ModuleProxy;
import dev.gorunbench.toolchain.GoCommand;
import dev.gorunbench.toolchain.GoEnvironment;
import dev.gorunbench.toolchain.ModuleCache;
import dev.gorunbench.workdir.Trees;
import dev.gorunbench.workdir.WorkDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What third-party modules cost a build: {@code go build} of the {@code modules} fixture, which needs
 * three modules (one of many small files, one large package, and one that needs another), served by a
 * module proxy on the local file system ({@code GOPROXY=file:///...}) that the trial builds from
 * {@code fixtures/modules-src}. go.sum is committed, so every download is verified against it; no
 * network is used.
 *
 * <p>Every sample starts from a build cache that contains the standard library but none of the project's
 * or the modules' packages, so the three scenarios differ only in where module source comes from:
 * downloaded and extracted, already in the module cache, or in the project's {@code vendor} directory.
 * Left out of the timed region: building the proxy, emptying the module cache (with
 * {@code go clean -modcache}, because extracted modules are read-only) and {@code go mod vendor}.
 *
 * <p>Run alone: {@code java -jar benchmarks/target/benchmarks.jar ModuleBenchmark}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class ModuleBenchmark {

    /** Empty module cache: download, verify against go.sum, extract, then build. */
    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 10)
    public ProcessResult modDownloadCold(EmptyModuleCache state, ProcessCounters counters) {
        return counters.record(state.goBuild());
    }

    /** Builds with every module already extracted in the module cache, so only the build is left. */
    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 10)
    public ProcessResult modCacheWarm(ModulesProject state, ProcessCounters counters) {
        return counters.record(state.goBuild());
    }

    /** {@code go build -mod=vendor} with the modules in {@code vendor/}, an empty module cache and no proxy. */
    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 10)
    public ProcessResult modVendored(Vendored state, ProcessCounters counters) {
        return counters.record(state.goBuild());
    }

    /**
     * The {@code modules} fixture in its own trial directory with the proxy built and the modules
     * downloaded once. Before every iteration the build cache is replaced by a fresh copy of a cache that
     * contains the standard packages this project needs and nothing of the project or its modules.
     */
    @State(Scope.Benchmark)
    public static class ModulesProject {
        TrialDirectory trial;
        GoEnvironment environment;
        Path project;
        String expectedStdout;
        List<String> buildFlags = List.of();
        private Path standardLibraryCache;
        private Path iterationCache;

        @Setup(Level.Trial)
        public void setUpTrial() {
            trial = TrialDirectory.open("modules");
            Path fixtures = trial.config.root().resolve("fixtures");
            ModuleProxy proxy = ModuleProxy.build(fixtures.resolve("modules-src"), trial.directory.resolve("proxy"));
            project = trial.directory.resolve("src").resolve("modules");
            try {
                Trees.copy(fixtures.resolve("modules"), project);
                expectedStdout = Files.readString(project.resolve("expected-stdout.txt"), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not copy the modules fixture: " + e.getMessage(), e);
            }
            environment = trial.environment.with("GOPROXY", proxy.goproxy());

            // The seed cache contains the standard packages the bundled fixtures use. Add those this project uses.
            List<String> standard = new ArrayList<>();
            String listed = trial.go.invoke(project, environment,
                    List.of("list", "-deps", "-f", "{{if .Standard}}{{.ImportPath}}{{end}}", ".")).stdout();
            listed.lines().filter(line -> !line.isBlank()).forEach(standard::add);
            List<String> build = new ArrayList<>(List.of("build"));
            build.addAll(standard);
            trial.go.invoke(project, environment, build);
            standardLibraryCache = environment.buildCache();

            prepareTrial();
            freshBuildCache();
            goBuild();
            trial.go.exec(binary(), project, environment, expectedStdout);
        }

        /** Runs after the common trial setup; subclasses change the project or environment here. */
        protected void prepareTrial() {
        }

        /** Runs before each iteration after the build cache was replaced. */
        protected void prepareIteration() {
        }

        @Setup(Level.Iteration)
        public void setUpIteration() {
            freshBuildCache();
            prepareIteration();
        }

        @TearDown(Level.Trial)
        public void tearDownTrial() {
            ModuleCache.clean(trial.go, environment);
            trial.close();
        }

        private void freshBuildCache() {
            if (iterationCache != null) {
                Trees.deleteRecursivelyUnchecked(iterationCache);
            }
            iterationCache = WorkDirectory.createChild(trial.directory, "gocache-");
            try {
                Trees.copy(standardLibraryCache, iterationCache);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not copy the build cache " + standardLibraryCache + ": "
                        + e.getMessage(), e);
            }
            environment = environment.withBuildCache(iterationCache);
        }

        ProcessResult goBuild() {
            return trial.go.build(project, environment, buildFlags, binary());
        }

        Path binary() {
            return trial.directory.resolve(GoCommand.executableFileName("modules-bin"));
        }
    }

    /** The module cache emptied before every iteration, with {@code go clean -modcache}. */
    public static class EmptyModuleCache extends ModulesProject {
        @Override
        protected void prepareIteration() {
            ModuleCache.clean(trial.go, environment);
        }
    }

    /**
     * {@code go mod vendor} run once; then GOPROXY=off and an empty module cache, so the build can only
     * use {@code vendor/}.
     */
    public static class Vendored extends ModulesProject {
        @Override
        protected void prepareTrial() {
            trial.go.invoke(project, environment, List.of("mod", "vendor"));
            ModuleCache.clean(trial.go, environment);
            environment = environment.with("GOPROXY", "off");
            buildFlags = List.of("-mod=vendor");
        }
    }
}
