package dev.gorunbench.gotools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of the wall time of one {@code go run}, from the moment the JVM started the go command to the
 * moment it saw it exit, in parts that are measured each on its own timeline:
 *
 * <ol>
 *   <li>planning and cache checks: the time before the program is started in which no tool runs and no
 *       executable is written, which is the go command's own work (loading packages, hashing inputs,
 *       checking the build cache);
 *   <li>each tool (compile, link, the C compiler, ...): recorded through {@code -toolexec} and the C
 *       compiler copies on PATH; where tools run in parallel, each instant is split evenly among the
 *       calls running then, so the tool parts add up to the time in which any tool ran;
 *   <li>writing the executable: from the end of the linker to the end of the go command's link action
 *       in its {@code -debug-trace}, where it stores the executable in the build cache;
 *   <li>starting the program: from the start of the go command's run action in the trace to the moment
 *       the {@code -exec} recorder has started the program;
 *   <li>the program itself: from then to its exit, as the {@code -exec} recorder saw it;
 *   <li>cleanup and exit: from the program's exit to the go command's exit, which includes removing the
 *       go command's temporary work directory and writing the {@code -debug-trace} file.
 * </ol>
 *
 * <p>The parts come from three clocks (the JVM's, the recorder's and the trace's, all the system's
 * real-time clock) and from interval arithmetic, so their sum is checked against the measured total:
 * {@link Result#withinTolerance()} holds when they agree within {@value #TOLERANCE}.
 */
public final class Waterfall {
    /** The largest accepted difference between the sum of the parts and the total, as a fraction of the total. */
    public static final double TOLERANCE = 0.10;

    private Waterfall() {
    }

    /** One part of the waterfall. */
    public record Part(String part, long nanos, String measuredBy) {
        public double ms() {
            return nanos / 1e6;
        }
    }

    /** The parts of one {@code go run} and their check against the total. */
    public record Result(long totalNanos, List<Part> parts) {
        public long sumNanos() {
            return parts.stream().mapToLong(Part::nanos).sum();
        }

        /** Returns the difference between the sum of the parts and the total, as a fraction of the total. */
        public double relativeDifference() {
            return (double) (sumNanos() - totalNanos) / totalNanos;
        }

        public boolean withinTolerance() {
            return Math.abs(relativeDifference()) <= TOLERANCE;
        }
    }

    /**
     * Computes the waterfall of one {@code go run}.
     *
     * @param startUnixNano when the JVM started the go command
     * @param totalNanos the go command's wall time as the JVM measured it
     * @param calls every call the recorder wrote during the run, the program's included
     * @param trace the run's {@code -debug-trace}
     * @throws IllegalArgumentException when the calls contain no program or more than one
     */
    public static Result compute(long startUnixNano, long totalNanos, List<ToolCall> calls, Path goToolDir,
            DebugTrace trace) {
        long endUnixNano = startUnixNano + totalNanos;
        List<ToolCall> programs = calls.stream().filter(c -> c.category(goToolDir).equals("program")).toList();
        if (programs.size() != 1) {
            throw new IllegalArgumentException("Expected one program call among the recorded calls, found "
                    + programs.size() + "; was go run given the recorder's -exec flag?");
        }
        ToolCall program = programs.get(0);
        long programLaunched = program.startUnixNano() + program.launchNanos();
        long runActionStart = trace.runActionStartUnixNano().orElse(program.startUnixNano());

        List<ToolCall> tools = calls.stream().filter(c -> c.topLevel() && c != program).toList();
        List<long[]> busy = new ArrayList<>();
        tools.forEach(call -> busy.add(new long[] {call.startUnixNano(), call.endUnixNano()}));

        long writing = 0;
        long linkEnd = tools.stream().filter(c -> c.category(goToolDir).equals("link"))
                .mapToLong(ToolCall::endUnixNano).max().orElse(Long.MIN_VALUE);
        if (linkEnd != Long.MIN_VALUE && trace.linkActionEndUnixNano().isPresent()) {
            long actionEnd = trace.linkActionEndUnixNano().getAsLong();
            writing = Math.max(0, actionEnd - linkEnd);
            busy.add(new long[] {linkEnd, linkEnd + writing});
        }

        List<Part> parts = new ArrayList<>();
        long planning = (runActionStart - startUnixNano) - covered(busy, startUnixNano, runActionStart);
        parts.add(new Part("go command: planning and cache checks", planning,
                "time before the run action with no tool running and no executable being written"));
        shareByTool(tools, goToolDir).forEach((tool, nanos) -> parts.add(new Part(tool, nanos,
                "toolexec recorder; parallel calls share each instant evenly")));
        parts.add(new Part("writing the executable", writing, "end of the linker to end of the link action (-debug-trace)"));
        parts.add(new Part("starting the program", programLaunched - runActionStart,
                "start of the run action (-debug-trace) to the program started by the -exec recorder"));
        parts.add(new Part("program", program.endUnixNano() - programLaunched, "-exec recorder: start to exit"));
        parts.add(new Part("cleanup and exit", endUnixNano - program.endUnixNano(),
                "program exit to the go command's exit seen by the JVM (removes its work directory, writes the trace)"));
        return new Result(totalNanos, parts);
    }

    /** Returns each tool category's wall time, every instant split evenly among the calls running then. */
    static Map<String, Long> shareByTool(List<ToolCall> tools, Path goToolDir) {
        List<long[]> boundaries = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            boundaries.add(new long[] {tools.get(i).startUnixNano(), 1, i});
            boundaries.add(new long[] {tools.get(i).endUnixNano(), -1, i});
        }
        // Ends sort before starts at the same instant, so a call that ends as another starts shares nothing.
        boundaries.sort(Comparator.<long[]>comparingLong(b -> b[0]).thenComparingLong(b -> b[1]));
        Map<String, Double> shares = new LinkedHashMap<>();
        tools.forEach(call -> shares.putIfAbsent(call.category(goToolDir), 0.0));
        List<Integer> running = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        for (long[] boundary : boundaries) {
            if (!running.isEmpty()) {
                double each = (double) (boundary[0] - previous) / running.size();
                for (int index : running) {
                    shares.merge(tools.get(index).category(goToolDir), each, Double::sum);
                }
            }
            if (boundary[1] > 0) {
                running.add((int) boundary[2]);
            } else {
                running.remove(Integer.valueOf((int) boundary[2]));
            }
            previous = boundary[0];
        }
        Map<String, Long> rounded = new LinkedHashMap<>();
        shares.forEach((tool, nanos) -> rounded.put(tool, Math.round(nanos)));
        return rounded;
    }

    /** Returns how much of {@code [from, to)} the union of {@code intervals} covers. */
    static long covered(List<long[]> intervals, long from, long to) {
        List<long[]> clipped = new ArrayList<>();
        for (long[] interval : intervals) {
            long start = Math.max(interval[0], from);
            long end = Math.min(interval[1], to);
            if (end > start) {
                clipped.add(new long[] {start, end});
            }
        }
        clipped.sort(Comparator.comparingLong(interval -> interval[0]));
        long total = 0;
        long reached = Long.MIN_VALUE;
        for (long[] interval : clipped) {
            long start = Math.max(interval[0], reached);
            if (interval[1] > start) {
                total += interval[1] - start;
                reached = interval[1];
            }
        }
        return total;
    }
}
