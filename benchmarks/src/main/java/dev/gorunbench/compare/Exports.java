package dev.gorunbench.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.report.BenchmarkRecord;
import dev.gorunbench.report.SampleStats;
import dev.gorunbench.results.EnvironmentProbe;
import dev.gorunbench.results.ResultsFile;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Results in the formats of tools people already use: benchstat text and github-action-benchmark JSON. */
public final class Exports {
    private Exports() {
    }

    /**
     * Returns the results in the Go benchmark format that {@code benchstat} reads: a few {@code key: value}
     * configuration lines, then one line per raw sample, such as
     * {@code BenchmarkGoRunWarm/fixture=hello-2 1 123456789 ns/op 45000000 cpu-ns/op}. The name is
     * "Benchmark" and the method name with its first letter in upper case, each parameter as a
     * {@code /name=value} sub-benchmark, and the logical core count as the GOMAXPROCS suffix. The
     * iteration count is 1 because every sample is one command. The CPU time is added only where every
     * sample reported one above zero: a clock of coarse resolution reports 0 for short commands, and
     * benchstat cannot take the geometric mean of a column with a zero.
     */
    public static String benchstat(JsonNode results) {
        JsonNode env = results.path("environment");
        StringBuilder text = new StringBuilder();
        text.append("goos: ").append(goos(EnvironmentProbe.text(env, "os/name"))).append('\n');
        text.append("goarch: ").append(env.path("go").path("env").path("GOARCH").asText(
                EnvironmentProbe.text(env, "os/arch"))).append('\n');
        text.append("cpu: ").append(EnvironmentProbe.text(env, "cpu/model")).append('\n');
        text.append("go: ").append(EnvironmentProbe.text(env, "go/version")).append('\n');
        text.append("pkg: dev.gorunbench.bench\n");
        int cores = env.path("cpu").path("logicalCores").asInt(1);
        for (JsonNode node : results.path("benchmarks")) {
            BenchmarkRecord record = BenchmarkRecord.of(node);
            double toNanos = nanosPerUnit(record.unit());
            double[] cpu = record.secondary().get("cpuMs");
            double[] wall = record.wallSamples();
            boolean withCpu = cpu != null && cpu.length == wall.length;
            for (int i = 0; withCpu && i < cpu.length; i++) {
                withCpu = cpu[i] > 0;
            }
            String name = benchstatName(record, cores);
            for (int i = 0; i < wall.length; i++) {
                text.append(name).append(" 1 ").append(Math.round(wall[i] * toNanos)).append(" ns/op");
                if (withCpu) {
                    text.append(' ').append(Math.round(cpu[i] * 1e6)).append(" cpu-ns/op");
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    static String benchstatName(BenchmarkRecord record, int cores) {
        StringBuilder name = new StringBuilder("Benchmark");
        String method = record.method();
        name.append(Character.toUpperCase(method.charAt(0))).append(method.substring(1));
        for (Map.Entry<String, String> param : record.params().entrySet()) {
            // Spaces would end the name field; benchstat splits sub-benchmarks at '/' and keys at '='.
            name.append('/').append(param.getKey()).append('=').append(param.getValue().replaceAll("\\s", "_"));
        }
        return name.append('-').append(Math.max(1, cores)).toString();
    }

    /**
     * Returns the results in github-action-benchmark's {@code customSmallerIsBetter} form: a JSON array with
     * one entry per benchmark and parameter set, the median as {@code value}, the half-width of its 95%
     * confidence interval as {@code range}, and the sample count and interval in {@code extra}.
     */
    public static String githubActionBenchmark(JsonNode results) {
        ArrayNode entries = ResultsFile.JSON.createArrayNode();
        for (JsonNode node : results.path("benchmarks")) {
            BenchmarkRecord record = BenchmarkRecord.of(node);
            if (record.samples().length == 0) {
                continue;
            }
            SampleStats stats = record.wallStats();
            ObjectNode entry = entries.addObject();
            StringBuilder name = new StringBuilder(record.className()).append('.').append(record.method());
            record.params().forEach((key, value) -> name.append(' ').append(key).append('=').append(value));
            entry.put("name", name.toString());
            entry.put("unit", record.unit().replace("/op", ""));
            entry.put("value", stats.median());
            String extra = stats.count() + " samples";
            if (stats.hasInterval()) {
                entry.put("range", String.format(Locale.ROOT, "± %.3f", (stats.upper() - stats.lower()) / 2));
                extra += String.format(Locale.ROOT, "; 95%% CI of the median %.3f to %.3f", stats.lower(), stats.upper());
            }
            entry.put("extra", extra);
        }
        try {
            return ResultsFile.JSON.writeValueAsString(entries) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON of plain values could not be written", e);
        }
    }

    private static double nanosPerUnit(String unit) {
        String perOp = unit.replace("/op", "");
        for (TimeUnit timeUnit : TimeUnit.values()) {
            if (abbreviation(timeUnit).equals(perOp)) {
                return timeUnit.toNanos(1);
            }
        }
        throw new IllegalArgumentException("unit " + unit + " is not a time per operation; benchstat export needs"
                + " a time such as ms/op");
    }

    private static String abbreviation(TimeUnit unit) {
        return switch (unit) {
            case NANOSECONDS -> "ns";
            case MICROSECONDS -> "us";
            case MILLISECONDS -> "ms";
            case SECONDS -> "s";
            case MINUTES -> "min";
            case HOURS -> "hr";
            case DAYS -> "day";
        };
    }

    private static String goos(String osName) {
        String lower = osName.toLowerCase(Locale.ROOT);
        if (lower.startsWith("windows")) {
            return "windows";
        }
        if (lower.startsWith("mac")) {
            return "darwin";
        }
        return lower.replaceAll("\\s", "");
    }
}
