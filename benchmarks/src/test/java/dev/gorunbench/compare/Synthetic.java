package dev.gorunbench.compare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.results.ResultsFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Results documents with known samples, shaped as the suite writes them, for the comparison tests. */
public final class Synthetic {
    private Synthetic() {
    }

    /** Returns {@code n} log-normal samples around {@code median} with about 5% spread, from a fixed seed. */
    public static double[] samples(int n, double median, long seed) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = median * Math.exp(0.05 * random.nextGaussian());
        }
        return values;
    }

    public static double[] scaled(double[] samples, double factor) {
        double[] values = samples.clone();
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
        return values;
    }

    /** Returns an empty results document of this machine's kind, labelled {@code label}. */
    public static ObjectNode document(String label) {
        ObjectNode document = ResultsFile.JSON.createObjectNode();
        document.put("schemaVersion", ResultsFile.SCHEMA_VERSION);
        document.put("complete", true);
        document.put("profile", "default");
        ObjectNode env = document.putObject("environment");
        env.putObject("os").put("name", "Linux").put("arch", "amd64");
        env.putObject("cpu").put("model", "Test CPU @ 2.00GHz").put("logicalCores", 2);
        env.putObject("go").put("version", "go1.26.8").putObject("env").put("GOARCH", "amd64");
        env.put("label", label);
        document.putArray("failures");
        document.putArray("benchmarks");
        return document;
    }

    /**
     * Returns {@code forks} forks of {@code perFork} samples each, with about 5% spread within a fork and each
     * fork's level drawn with {@code forkSpread} (0.08 is about 8%) around {@code median}, as on a machine
     * whose speed drifts from one fork to the next.
     */
    public static List<double[]> forks(int forks, int perFork, double median, double forkSpread, long seed) {
        Random random = new Random(seed);
        List<double[]> all = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            double level = median * Math.exp(forkSpread * random.nextGaussian());
            all.add(samples(perFork, level, random.nextLong()));
        }
        return all;
    }

    /** Adds a record of {@code method} with one row of raw data per fork of {@code forks}. */
    public static ObjectNode addForks(ObjectNode document, String className, String method, String fixture,
            List<double[]> forks) {
        add(document, className, method, fixture, new double[0]);
        ArrayNode records = (ArrayNode) document.path("benchmarks");
        ObjectNode record = (ObjectNode) records.get(records.size() - 1);
        ArrayNode raw = ((ObjectNode) record.path("primaryMetric")).putArray("rawData");
        for (double[] fork : forks) {
            ArrayNode row = raw.addArray();
            for (double value : fork) {
                row.add(value);
            }
        }
        ((ObjectNode) record.path("secondaryMetrics")).remove("cpuMs");
        return document;
    }

    /** Adds a record of {@code method} with one fork of {@code samples} and their CPU times. */
    public static ObjectNode add(ObjectNode document, String className, String method, String fixture, double[] samples) {
        ObjectNode record = ((ArrayNode) document.path("benchmarks")).addObject();
        record.put("benchmark", "dev.gorunbench.bench." + className + "." + method);
        record.put("mode", "ss");
        record.putObject("params").put("fixture", fixture);
        ObjectNode primary = record.putObject("primaryMetric");
        primary.put("scoreUnit", "ms/op");
        ArrayNode fork = primary.putArray("rawData").addArray();
        ObjectNode cpu = record.putObject("secondaryMetrics").putObject("cpuMs");
        cpu.put("scoreUnit", "#");
        ArrayNode cpuFork = cpu.putArray("rawData").addArray();
        for (double value : samples) {
            fork.add(value);
            cpuFork.add(value / 2);
        }
        return document;
    }
}
