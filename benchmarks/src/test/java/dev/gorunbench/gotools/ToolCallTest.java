package dev.gorunbench.gotools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ToolCallTest {
    private static final Path TOOL_DIR = Path.of("/goroot/pkg/tool/linux_amd64").toAbsolutePath();

    private static ToolCall call(String tool, String path, List<String> args, String pkg, String parent) {
        return new ToolCall(tool, path, args, pkg, "/src", parent, 0, 1, 0, 0, 0, 0);
    }

    @Test
    void categories() {
        String compile = TOOL_DIR.resolve("compile").toString();
        assertEquals("compile", call("compile", compile, List.of("-p", "fmt"), "fmt", "").category(TOOL_DIR));
        assertEquals("tool ID queries (-V=full, -###)",
                call("compile", compile, List.of("-V=full"), "", "").category(TOOL_DIR));
        assertEquals("tool ID queries (-V=full, -###)",
                call("gcc", "/usr/bin/gcc", List.of("-###", "-x", "c"), "", "").category(TOOL_DIR));
        assertEquals("C compiler feature checks",
                call("gcc", "/usr/bin/gcc", List.of("-c", "-x", "c", "-"), "", "").category(TOOL_DIR));
        assertEquals("C compiler", call("g++", "/usr/bin/g++", List.of("-c", "m.cpp"), "example.com/p", "")
                .category(TOOL_DIR));
        assertEquals("C compiler under cgo", call("gcc", "/usr/bin/gcc", List.of("-E"), "example.com/p", "cgo")
                .category(TOOL_DIR));
        assertEquals("program", call("hello", "/tmp/exe/hello", List.of(), "", "").category(TOOL_DIR));
    }

    @Test
    void cCompilationExcludesQueries() {
        assertFalse(call("gcc", "/usr/bin/gcc", List.of("-###"), "", "").cCompilation(TOOL_DIR));
        assertFalse(call("gcc", "/usr/bin/gcc", List.of("-c", "-"), "", "").cCompilation(TOOL_DIR));
        assertTrue(call("g++", "/usr/bin/g++", List.of("-o", "a.out"), "example.com/p", "link").cCompilation(TOOL_DIR));
    }

    @Test
    void readsRecorderJson() throws Exception {
        String json = "{\"tool\":\"compile\",\"path\":\"/t/compile\",\"args\":[\"-p\",\"fmt\"],\"package\":\"fmt\","
                + "\"dir\":\"/src\",\"parent\":\"\",\"startUnixNano\":5,\"endUnixNano\":15,\"launchNanos\":1,"
                + "\"userNanos\":3,\"systemNanos\":4,\"exitCode\":0}";
        ToolCall call = new ObjectMapper().readValue(json, ToolCall.class);
        assertEquals("fmt", call.packagePath());
        assertEquals(10, call.wallNanos());
        assertEquals(7, call.cpuNanos());
    }

    @Test
    void tableSummarizesByCategory() {
        String compile = TOOL_DIR.resolve("compile").toString();
        List<ToolCall> calls = List.of(
                new ToolCall("compile", compile, List.of(), "a", "", "", 0, 20_000_000, 0, 5_000_000, 0, 0),
                new ToolCall("compile", compile, List.of(), "b", "", "", 0, 30_000_000, 0, 5_000_000, 0, 0));
        List<ToolTable.Row> rows = ToolTable.summarize(calls, TOOL_DIR, 100_000_000);
        assertEquals(1, rows.size());
        assertEquals(2, rows.get(0).calls());
        assertEquals(50.0, rows.get(0).wallMs(), 1e-9);
        assertEquals(10.0, rows.get(0).cpuMs(), 1e-9);
        assertEquals(0.5, rows.get(0).shareOfBuild(), 1e-9);
    }

    @Test
    void traceFindsLinkEndAndRunStart() throws Exception {
        String json = "[{\"name\":\"Executing action (link example.com/p)\",\"ph\":\"B\",\"ts\":1000.5},"
                + "{\"name\":\"Executing action (link example.com/p)\",\"ph\":\"E\",\"ts\":2000.5},"
                + "{\"name\":\"Executing action (go run)\",\"ph\":\"B\",\"ts\":2100}]";
        DebugTrace trace = DebugTrace.parse(new ObjectMapper().readTree(json));
        assertEquals(OptionalLong.of(2_000_500), trace.linkActionEndUnixNano());
        assertEquals(OptionalLong.of(2_100_000), trace.runActionStartUnixNano());
    }
}
