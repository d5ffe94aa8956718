package dev.gorunbench.gotools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WaterfallTest {
    private static final Path TOOL_DIR = Path.of("/goroot/pkg/tool/linux_amd64").toAbsolutePath();
    private static final long T0 = 1_800_000_000_000_000_000L;
    private static final long MS = 1_000_000L;

    private static ToolCall tool(String name, long startMs, long endMs) {
        return call(name, TOOL_DIR.resolve(name).toString(), "", startMs, endMs, 0);
    }

    private static ToolCall call(String name, String path, String parent, long startMs, long endMs, long launchMs) {
        return new ToolCall(name, path, List.of(), "example.com/p", "/src", parent, T0 + startMs * MS, T0 + endMs * MS,
                launchMs * MS, 0, 0, 0);
    }

    private static ToolCall program(long startMs, long endMs) {
        return call("hello", "/cache/exe/hello", "", startMs, endMs, 1);
    }

    private static DebugTrace trace(long linkActionEndMs, long runActionStartMs) {
        return new DebugTrace(OptionalLong.of(T0 + linkActionEndMs * MS), OptionalLong.of(T0 + runActionStartMs * MS));
    }

    private static Map<String, Double> parts(Waterfall.Result result) {
        return result.parts().stream().collect(Collectors.toMap(Waterfall.Part::part, Waterfall.Part::ms));
    }

    @Test
    void sequentialPartsAddUp() {
        List<ToolCall> calls = List.of(tool("compile", 10, 30), tool("link", 40, 70), program(82, 90));
        Waterfall.Result result = Waterfall.compute(T0, 100 * MS, calls, TOOL_DIR, trace(75, 80));
        Map<String, Double> parts = parts(result);
        assertEquals(25.0, parts.get("go command: planning and cache checks"), 1e-9);
        assertEquals(20.0, parts.get("compile"), 1e-9);
        assertEquals(30.0, parts.get("link"), 1e-9);
        assertEquals(5.0, parts.get("writing the executable"), 1e-9);
        assertEquals(3.0, parts.get("starting the program"), 1e-9);
        assertEquals(7.0, parts.get("program"), 1e-9);
        assertEquals(10.0, parts.get("cleanup and exit"), 1e-9);
        assertEquals(100 * MS, result.sumNanos());
        assertTrue(result.withinTolerance());
    }

    @Test
    void parallelToolsShareInstants() {
        List<ToolCall> calls = List.of(tool("compile", 10, 30), tool("asm", 20, 40), program(50, 60));
        Map<String, Double> parts = parts(Waterfall.compute(T0, 70 * MS, calls, TOOL_DIR, trace(0, 45)));
        assertEquals(15.0, parts.get("compile"), 1e-9);
        assertEquals(15.0, parts.get("asm"), 1e-9);
        assertEquals(15.0, parts.get("go command: planning and cache checks"), 1e-9);
    }

    @Test
    void sameToolInParallelCountsOnce() {
        List<ToolCall> calls = List.of(tool("compile", 10, 30), tool("compile", 20, 40), program(50, 60));
        Map<String, Double> parts = parts(Waterfall.compute(T0, 70 * MS, calls, TOOL_DIR, trace(0, 45)));
        assertEquals(30.0, parts.get("compile"), 1e-9);
    }

    @Test
    void nestedCallsNotCountedTwice() {
        List<ToolCall> calls = new ArrayList<>(List.of(tool("cgo", 10, 30), program(50, 60)));
        calls.add(call("gcc", "/usr/bin/gcc", "cgo", 12, 28, 0));
        Map<String, Double> parts = parts(Waterfall.compute(T0, 70 * MS, calls, TOOL_DIR, trace(0, 45)));
        assertEquals(20.0, parts.get("cgo"), 1e-9);
        assertFalse(parts.containsKey("C compiler under cgo"));
    }

    @Test
    void noLinkMeansNothingWritten() {
        List<ToolCall> calls = List.of(tool("compile", 10, 30), program(50, 60));
        Map<String, Double> parts = parts(Waterfall.compute(T0, 70 * MS, calls, TOOL_DIR, trace(40, 45)));
        assertEquals(0.0, parts.get("writing the executable"), 1e-9);
    }

    @Test
    void clockDisagreementFailsCheck() {
        // A tool that ends after the program started is counted in full, so the parts exceed the total.
        List<ToolCall> calls = List.of(tool("link", 10, 60), program(20, 30));
        Waterfall.Result result = Waterfall.compute(T0, 40 * MS, calls, TOOL_DIR, trace(0, 15));
        assertTrue(result.sumNanos() > result.totalNanos());
        assertFalse(result.withinTolerance());
    }

    @Test
    void missingProgramRejected() {
        List<ToolCall> calls = List.of(tool("compile", 10, 30));
        assertThrows(IllegalArgumentException.class,
                () -> Waterfall.compute(T0, 70 * MS, calls, TOOL_DIR, trace(0, 45)));
    }

    @Test
    void coveredMergesOverlaps() {
        List<long[]> intervals = List.of(new long[] {0, 10}, new long[] {5, 15}, new long[] {12, 14}, new long[] {20, 30});
        assertEquals(20, Waterfall.covered(intervals, 0, 25));
    }
}
