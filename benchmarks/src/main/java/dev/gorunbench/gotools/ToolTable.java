package dev.gorunbench.gotools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls and time per tool of one build: for each category of {@link ToolCall#category}, the number of
 * calls, their summed wall and CPU time, and the wall time as a share of the whole build. Tools run in
 * parallel (up to GOMAXPROCS actions at once), so shares can add up to more than 1, and a call under
 * another tool (the C compiler under cgo) is also inside that tool's time.
 */
public final class ToolTable {
    private ToolTable() {
    }

    /** One row of the table; times in milliseconds. */
    public record Row(String tool, int calls, double wallMs, double cpuMs, double shareOfBuild) {
    }

    /** Returns the rows of {@code calls} in the order their categories first appear. */
    public static List<Row> summarize(List<ToolCall> calls, Path goToolDir, long buildWallNanos) {
        Map<String, long[]> totals = new LinkedHashMap<>();
        for (ToolCall call : calls) {
            long[] total = totals.computeIfAbsent(call.category(goToolDir), key -> new long[3]);
            total[0]++;
            total[1] += call.wallNanos();
            total[2] += call.cpuNanos();
        }
        List<Row> rows = new ArrayList<>();
        totals.forEach((tool, total) -> rows.add(new Row(tool, (int) total[0], total[1] / 1e6, total[2] / 1e6,
                buildWallNanos > 0 ? (double) total[1] / buildWallNanos : Double.NaN)));
        return rows;
    }

    /** Returns how many calls of {@code calls} compiled or linked C or C++ code. */
    public static long cCompilations(List<ToolCall> calls, Path goToolDir) {
        return calls.stream().filter(call -> call.cCompilation(goToolDir)).count();
    }

    /** Returns how many calls of {@code calls} ran the Go linker (its version query not counted). */
    public static long links(List<ToolCall> calls, Path goToolDir) {
        return calls.stream().filter(call -> call.category(goToolDir).equals("link")).count();
    }
}
