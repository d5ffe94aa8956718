package dev.gorunbench.gotools;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gorunbench.toolchain.GoCommand;
import dev.gorunbench.toolchain.GoEnvironment;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The toolexec recorder ({@code tools/toolexec-recorder}), built by the harness with the toolchain under
 * test, and the settings that make a go command record every tool it starts.
 *
 * <p>Go tools are recorded through {@code -toolexec}, the program {@code go run} starts through
 * {@code -exec}. The C compiler is not started through {@code -toolexec} (the go command, cgo and the
 * external linker each start it themselves), so copies of the recorder named gcc, g++, cc, c++, clang
 * and clang++ go first on PATH; each finds the real compiler on the original PATH. The go command's
 * cache keys do not change: CC stays the same name, and the tools report the same versions as
 * before.
 *
 * <p>NOTE: only run on Linux. On Windows the copies are named {@code gcc.exe} and so on, which should
 * work the same way, but that path has never been run.
 */
public final class ToolRecorder {
    static final String RECORD_DIR = "GORUNBENCH_RECORDER_DIR";
    static final String REAL_PATH = "GORUNBENCH_RECORDER_PATH";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path executable;
    private final Path shimDir;

    private ToolRecorder(Path executable, Path shimDir) {
        this.executable = executable;
        this.shimDir = shimDir;
    }

    /**
     * Builds the recorder from {@code source} (the module {@code tools/toolexec-recorder}) into {@code dir}
     * with {@code go}, and puts its C compiler copies in {@code dir/shim}.
     */
    public static ToolRecorder build(GoCommand go, Path source, GoEnvironment environment, Path dir) {
        Path executable = dir.resolve(GoCommand.executableFileName("toolexec-recorder"));
        go.build(source, environment, List.of(), executable);
        Path shimDir = dir.resolve("shim");
        try {
            Files.createDirectories(shimDir);
            for (String compiler : ToolCall.C_COMPILERS) {
                Files.copy(executable, shimDir.resolve(GoCommand.executableFileName(compiler)),
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the recorder into " + shimDir + ": " + e.getMessage(), e);
        }
        return new ToolRecorder(executable, shimDir);
    }

    public Path executable() {
        return executable;
    }

    /** Returns the recorder's copy used in place of the C compiler {@code name} (gcc, g++, ...). */
    public Path compilerCopy(String name) {
        return shimDir.resolve(GoCommand.executableFileName(name));
    }

    /**
     * Returns {@code environment} with the C compiler copies first on PATH and the records going to
     * {@code recordDir}.
     */
    public GoEnvironment environment(GoEnvironment environment, Path recordDir) {
        String path = environment.get("PATH") == null ? "" : environment.get("PATH");
        return environment
                .with("PATH", shimDir + File.pathSeparator + path)
                .with(REAL_PATH, path)
                .with(RECORD_DIR, recordDir.toString());
    }

    /** Returns the go flag that runs every Go tool through the recorder. */
    public String toolexecFlag() {
        return "-toolexec=" + quoted();
    }

    /** Returns the {@code go run} flag that starts the built program through the recorder. */
    public String execFlag() {
        return "-exec=" + quoted();
    }

    /** Quotes the path when it contains a space, because the go command splits these flag values at spaces. */
    private String quoted() {
        String path = executable.toString();
        return path.contains(" ") ? "'" + path + "'" : path;
    }

    /** Reads every record in {@code recordDir}, ordered by start time. */
    public static List<ToolCall> read(Path recordDir) {
        List<ToolCall> calls = new ArrayList<>();
        try (Stream<Path> files = Files.list(recordDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                calls.add(JSON.readValue(file.toFile(), ToolCall.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the tool records in " + recordDir + ": " + e.getMessage(), e);
        }
        calls.sort(Comparator.comparingLong(ToolCall::startUnixNano));
        return calls;
    }
}
