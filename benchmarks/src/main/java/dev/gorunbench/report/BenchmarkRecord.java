package dev.gorunbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One JMH record of a results file, read for reports: the benchmark's class and method, its parameters,
 * the unit and the raw samples of the primary metric and of each secondary metric.
 */
public record BenchmarkRecord(String className, String method, Map<String, String> params, String unit,
        double[] samples, Map<String, double[]> secondary) {

    public static BenchmarkRecord of(JsonNode record) {
        String name = record.path("benchmark").asText();
        int dot = name.lastIndexOf('.');
        String owner = name.substring(0, Math.max(dot, 0));
        Map<String, String> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = record.path("params").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> param = it.next();
            params.put(param.getKey(), param.getValue().asText());
        }
        JsonNode primary = record.path("primaryMetric");
        Map<String, double[]> secondary = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = record.path("secondaryMetrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> metric = it.next();
            secondary.put(metric.getKey(), raw(metric.getValue()));
        }
        return new BenchmarkRecord(owner.substring(owner.lastIndexOf('.') + 1), name.substring(dot + 1), params,
                primary.path("scoreUnit").asText(), raw(primary), secondary);
    }

    /** Reads every sample of every fork from a JMH metric's {@code rawData}. */
    static double[] raw(JsonNode metric) {
        List<Double> values = new ArrayList<>();
        metric.path("rawData").forEach(fork -> fork.forEach(value -> values.add(value.asDouble())));
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public String param(String name) {
        return params.getOrDefault(name, "");
    }

    public SampleStats stats() {
        return SampleStats.of(samples);
    }

    /**
     * Returns how many milliseconds one unit of the primary metric is, for example 0.001 for "us/op",
     * or NaN for a unit that is not a time per operation (a throughput such as "ops/s").
     */
    public double millisPerUnit() {
        return switch (unit) {
            case "ns/op" -> 1e-6;
            case "us/op" -> 1e-3;
            case "ms/op" -> 1;
            case "s/op" -> 1e3;
            default -> Double.NaN;
        };
    }

    /**
     * Returns the statistics of the command's own wall time in milliseconds: the secondary metric
     * {@code wallMs} where the timing helper took every sample, else the primary metric converted.
     */
    public SampleStats statsMs() {
        double[] wall = secondary.get("wallMs");
        if (wall != null && wall.length > 0 && Arrays.stream(wall).allMatch(value -> value > 0)) {
            return SampleStats.of(wall);
        }
        double factor = millisPerUnit();
        return SampleStats.of(Arrays.stream(samples).map(v -> v * factor).toArray());
    }

    /** Returns the parameters as "name=value" pairs separated by commas, in the record's order. */
    public String paramText() {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    /**
     * Returns the statistics of the command's own wall time, in this record's unit; see {@link #wallSamples()}.
     */
    public SampleStats wallStats() {
        return SampleStats.of(wallSamples());
    }

    /**
     * Returns the samples of the command's own wall time, in this record's unit: the secondary metric
     * {@code wallMs} (taken by the timing helper where it ran) when every sample has it, else JMH's primary
     * metric, which also counts the JVM's cost of starting the process. Reports, comparisons, the gate and
     * the exports all read these.
     */
    public double[] wallSamples() {
        if (!hasWallSamples()) {
            return samples;
        }
        double[] wall = secondary.get("wallMs");
        double perMillisecond = switch (unit.replace("/op", "")) {
            case "s" -> 1e-3;
            case "us" -> 1e3;
            case "ns" -> 1e6;
            default -> 1;
        };
        return Arrays.stream(wall).map(value -> value * perMillisecond).toArray();
    }

    /**
     * Returns the samples of {@link #wallSamples()} of the JMH record {@code node} split by fork, one array per
     * row of its primary metric's {@code rawData}.
     */
    public static List<double[]> wallForks(JsonNode node) {
        double[] all = of(node).wallSamples();
        List<double[]> forks = new ArrayList<>();
        int start = 0;
        for (JsonNode fork : node.path("primaryMetric").path("rawData")) {
            int end = Math.min(all.length, start + fork.size());
            forks.add(Arrays.copyOfRange(all, start, end));
            start = end;
        }
        return forks;
    }

    /** Returns whether the record has the secondary metric {@code wallMs} for every sample. */
    public boolean hasWallSamples() {
        double[] wall = secondary.get("wallMs");
        return wall != null && wall.length == samples.length && Arrays.stream(wall).allMatch(value -> value > 0);
    }

    /** Returns whether the record has a {@code wallMs} metric that {@link #wallSamples()} cannot use. */
    public boolean hasMalformedWallSamples() {
        return secondary.containsKey("wallMs") && !hasWallSamples();
    }

    /** Returns the message for a record whose {@code wallMs} metric is malformed, naming the record. */
    public String malformedWallMessage() {
        return className + "." + method + " " + params + " has a malformed wallMs metric (missing, non-positive or"
                + " miscounted samples)";
    }

    /**
     * Returns the clock behind {@link #wallSamples()}: "the timing helper", "the JVM clock" (the JVM's wall
     * time of the process), or "JMH's score" (which also counts the JVM's cost of starting the process).
     */
    public String clock() {
        if (!hasWallSamples()) {
            return "JMH's score";
        }
        return helperTimed() ? "the timing helper" : "the JVM clock";
    }

    /** Returns whether every sample's wall time was taken by the timing helper rather than the JVM. */
    public boolean helperTimed() {
        double[] flags = secondary.get("helperTimed");
        return flags != null && flags.length > 0 && Arrays.stream(flags).allMatch(flag -> flag == 1);
    }

    /** Returns the median of a secondary metric, or NaN where it is missing or not reported (negative). */
    public double secondaryMedian(String name) {
        double[] values = secondary.get(name);
        if (values == null || values.length == 0 || Arrays.stream(values).anyMatch(value -> value < 0)) {
            return Double.NaN;
        }
        return SampleStats.of(values).median();
    }
}
