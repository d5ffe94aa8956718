package dev.gorunbench.gotools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gorunbench.TestSupport;
import dev.gorunbench.cstages.CStageRunner;
import dev.gorunbench.exec.ProcessRequest;
import dev.gorunbench.exec.ProcessResult;
import dev.gorunbench.exec.ProcessRunner;
import dev.gorunbench.toolchain.GoCommand;
import dev.gorunbench.toolchain.GoEnvironment;
import dev.gorunbench.toolchain.GoToolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder built from tools/toolexec-recorder with the real go, run on real tools. */
class ToolRecorderTest {
    @TempDir
    static Path dir;

    private static final ProcessRunner RUNNER = new ProcessRunner();
    private static GoToolchain toolchain;
    private static GoEnvironment environment;
    private static ToolRecorder recorder;
    private static int recordDirs;

    @BeforeAll
    static void buildRecorder() {
        toolchain = TestSupport.go(dir.resolve("probe"));
        environment = GoEnvironment.create(dir.resolve("env"), System.getenv());
        GoCommand go = new GoCommand(toolchain, RUNNER, Duration.ofMinutes(5));
        recorder = ToolRecorder.build(go, TestSupport.root().resolve("tools").resolve("toolexec-recorder"), environment,
                dir.resolve("recorder"));
    }

    private static Path newRecordDir() throws Exception {
        return Files.createDirectories(dir.resolve("records-" + (++recordDirs)));
    }

    private static ProcessResult run(Path executable, Path records, List<String> arguments) {
        GoEnvironment recorded = records == null ? environment : recorder.environment(environment, records);
        return RUNNER.run(ProcessRequest.builder(executable, dir).arguments(arguments)
                .environment(recorded.toMap()).timeout(Duration.ofMinutes(2)).build());
    }

    private static ProcessResult direct(Path executable, List<String> arguments) {
        return RUNNER.run(ProcessRequest.builder(executable, dir).arguments(arguments)
                .environment(environment.toMap()).timeout(Duration.ofMinutes(2)).build());
    }

    @Test
    void passesOutputThrough() throws Exception {
        List<String> args = List.of("list", "-f", "{{.ImportPath}} with spaces", "fmt");
        ProcessResult wrapped = run(recorder.executable(), newRecordDir(), prepend(toolchain.executable(), args));
        ProcessResult plain = direct(toolchain.executable(), args);
        assertEquals(0, wrapped.exitCode());
        assertEquals(plain.stdout(), wrapped.stdout());
        assertEquals("fmt with spaces\n", wrapped.stdout());
    }

    @Test
    void recordsToolAndArguments() throws Exception {
        Path records = newRecordDir();
        List<String> args = List.of("list", "-f", "{{.ImportPath}} with spaces", "fmt");
        run(recorder.executable(), records, prepend(toolchain.executable(), args));
        List<ToolCall> calls = ToolRecorder.read(records);
        assertEquals(1, calls.size());
        ToolCall call = calls.get(0);
        assertEquals("go", call.tool());
        assertEquals(args, call.args());
        assertEquals(toolchain.executable().toString(), call.path());
        assertEquals("", call.parent());
        assertEquals(0, call.exitCode());
        assertTrue(call.endUnixNano() >= call.startUnixNano());
        assertTrue(call.cpuNanos() >= 0);
    }

    @Test
    void passesExitCodeAndErrorThrough() throws Exception {
        Path records = newRecordDir();
        List<String> args = List.of("tool", "no-such-tool");
        ProcessResult wrapped = run(recorder.executable(), records, prepend(toolchain.executable(), args));
        ProcessResult plain = direct(toolchain.executable(), args);
        assertTrue(plain.exitCode() != 0);
        assertEquals(plain.exitCode(), wrapped.exitCode());
        assertEquals(plain.stderrTail(), wrapped.stderrTail());
        assertEquals(plain.exitCode(), ToolRecorder.read(records).get(0).exitCode());
    }

    @Test
    void compilerCopyRunsRealCompiler() throws Exception {
        Path records = newRecordDir();
        Path realGcc = CStageRunner.findOnPath("gcc", environment.get("PATH"));
        ProcessResult wrapped = run(recorder.compilerCopy("gcc"), records, List.of("--version"));
        assertEquals(0, wrapped.exitCode());
        assertEquals(direct(realGcc, List.of("--version")).stdout(), wrapped.stdout());
        List<ToolCall> calls = ToolRecorder.read(records);
        assertEquals(1, calls.size());
        assertEquals("gcc", calls.get(0).tool());
        assertEquals(realGcc.toString(), calls.get(0).path());
    }

    @Test
    void nestedCallNamesParent() throws Exception {
        Path records = newRecordDir();
        Path copy = recorder.compilerCopy("gcc");
        ProcessResult wrapped = run(recorder.executable(), records, List.of(copy.toString(), "-dumpversion"));
        assertEquals(0, wrapped.exitCode());
        List<ToolCall> calls = ToolRecorder.read(records);
        assertEquals(2, calls.size());
        assertEquals(1, calls.stream().filter(c -> c.parent().isEmpty()).count());
        assertEquals(1, calls.stream().filter(c -> c.parent().equals("gcc")).count());
    }

    @Test
    void missingRecordDirRejected() {
        ProcessResult result = run(recorder.executable(), null, List.of(toolchain.executable().toString(), "version"));
        assertEquals(2, result.exitCode());
        assertTrue(result.stderrTail().contains("GORUNBENCH_RECORDER_DIR is not set"));
    }

    private static List<String> prepend(Path tool, List<String> args) {
        return Stream.concat(Stream.of(tool.toString()), args.stream()).toList();
    }
}
