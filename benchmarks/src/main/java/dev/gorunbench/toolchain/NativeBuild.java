package dev.gorunbench.toolchain;

import dev.gorunbench.exec.ProcessFailedException;
import dev.gorunbench.exec.ProcessRequest;
import dev.gorunbench.exec.ProcessRunner;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the two small native programs of the harness from {@code benchmarks/native/} with the system C
 * compiler (gcc, else cc, found on PATH): the timing helper and the exec floor. Both are built once per
 * run into the work directory, untimed.
 */
public final class NativeBuild {
    /** Where the sources lie, relative to the gorunbench checkout. */
    public static final Path SOURCES = Path.of("benchmarks", "native");
    private static final Duration COMPILE_TIMEOUT = Duration.ofMinutes(2);

    /**
     * One built program, or the reason it is missing.
     *
     * @param executable the program, empty when it could not be built
     * @param description how it was built, or why not and what is used instead
     */
    public record Built(Optional<Path> executable, String description) {
    }

    private NativeBuild() {
    }

    /**
     * Builds the timing helper into {@code outDir}: static where the C library allows it, so the helper
     * itself starts without the dynamic loader. Returns an empty program with the reason on Windows, where
     * the helper's wait4 does not exist, and where no C compiler is found or the compile fails.
     */
    public static Built timingHelper(ProcessRunner runner, Path root, Path outDir) {
        if (GoEnvironment.isWindows()) {
            return new Built(Optional.empty(), "not available on Windows (the helper uses POSIX wait4); wall times "
                    + "are taken by the JVM around commons-exec");
        }
        Optional<Path> compiler = findCompiler(System.getenv("PATH"));
        if (compiler.isEmpty()) {
            return new Built(Optional.empty(), "not built: no gcc or cc on PATH; wall times are taken by the JVM "
                    + "around commons-exec");
        }
        Path source = root.resolve(SOURCES).resolve("timing-helper.c");
        if (!Files.isRegularFile(source)) {
            return new Built(Optional.empty(), "not built: " + source + " not found; wall times are taken by the JVM "
                    + "around commons-exec");
        }
        Path output = outDir.resolve("timing-helper");
        try {
            String how = compileStaticOrDynamic(runner, compiler.get(), source, output);
            return new Built(Optional.of(output), "timing-helper.c built " + how + " with " + compiler.get());
        } catch (ProcessFailedException e) {
            return new Built(Optional.empty(), "not built: " + e.getMessage().lines().findFirst().orElse("")
                    + " (" + source + "); wall times are taken by the JVM around commons-exec");
        }
    }

    /**
     * Builds the exec floor into {@code outDir}: {@code exec-floor.c} built static with the C compiler, or,
     * where there is none, {@code exec-floor-go/main.go} built with {@code go}, which starts the Go runtime
     * and so has a higher floor.
     *
     * @throws ProcessFailedException when neither can be built
     */
    public static Built execFloor(ProcessRunner runner, Path root, Path outDir, GoCommand go, GoEnvironment environment) {
        Optional<Path> compiler = GoEnvironment.isWindows() ? Optional.empty() : findCompiler(System.getenv("PATH"));
        Path output = outDir.resolve(GoCommand.executableFileName("exec-floor"));
        if (compiler.isPresent()) {
            Path source = root.resolve(SOURCES).resolve("exec-floor.c");
            requireSource(source);
            String how = compileStaticOrDynamic(runner, compiler.get(), source, output);
            return new Built(Optional.of(output), "exec-floor.c built " + how + " with " + compiler.get());
        }
        Path project = root.resolve(SOURCES).resolve("exec-floor-go");
        requireSource(project.resolve("main.go"));
        go.invoke(project, environment, List.of("build", "-o", output.toString(), "main.go"));
        return new Built(Optional.of(output), "exec-floor-go/main.go built with go (no C compiler on PATH), so the "
                + "floor includes the Go runtime's start");
    }

    private static void requireSource(Path source) {
        if (!Files.isRegularFile(source)) {
            throw new IllegalStateException("The exec floor's source " + source + " was not found. Run from the "
                    + "gorunbench checkout or pass its path with --root (or -Dbench.root).");
        }
    }

    /** Returns the first gcc or cc on {@code path}, a PATH-style list of directories. */
    static Optional<Path> findCompiler(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String name : List.of("gcc", "cc")) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isBlank()) {
                    continue;
                }
                Path candidate = Path.of(dir).resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toAbsolutePath());
                }
            }
        }
        return Optional.empty();
    }

    private static String compileStaticOrDynamic(ProcessRunner runner, Path compiler, Path source, Path output) {
        try {
            Files.createDirectories(output.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + output.getParent() + ": " + e.getMessage(), e);
        }
        try {
            runner.runChecked(compile(compiler, source, output, true), null);
            return "static";
        } catch (ProcessFailedException staticFailed) {
            // Some systems ship no static C library (libc.a); a dynamic build still works, a little slower to start.
            runner.runChecked(compile(compiler, source, output, false), null);
            return "dynamic (static linking failed)";
        }
    }

    private static ProcessRequest compile(Path compiler, Path source, Path output, boolean staticLink) {
        List<String> arguments = new ArrayList<>(List.of("-O2"));
        if (staticLink) {
            arguments.add("-static");
        }
        arguments.addAll(List.of("-o", output.toString(), source.toString()));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", System.getenv().getOrDefault("PATH", ""));
        environment.put("TMPDIR", output.getParent().toString());
        environment.put("LC_ALL", "C");
        return ProcessRequest.builder(compiler, output.getParent())
                .arguments(arguments)
                .environment(environment)
                .timeout(COMPILE_TIMEOUT)
                .build();
    }
}
