package dev.gorunbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.results.EnvironmentProbe;
import dev.gorunbench.results.ResultsFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One results file read for reports: the document, its JMH records, the fixtures in display order, and a
 * short label of the environment it ran on (the column heading when several files are shown side by side).
 */
public record ResultsRun(Path file, ObjectNode results, List<BenchmarkRecord> records, List<String> fixtures,
        String label) {

    /** Reads and validates {@code file}; throws {@code ResultsFormatException} when it is unusable. */
    public static ResultsRun read(Path file) {
        return of(file, ResultsFile.read(file));
    }

    public static ResultsRun of(Path file, ObjectNode results) {
        List<BenchmarkRecord> records = new ArrayList<>();
        results.path("benchmarks").forEach(record -> records.add(BenchmarkRecord.of(record)));
        Set<String> fixtures = new LinkedHashSet<>();
        for (String preferred : List.of("hello", "multipkg", "cgo")) {
            if (records.stream().anyMatch(r -> r.param("fixture").equals(preferred))) {
                fixtures.add(preferred);
            }
        }
        records.stream().map(r -> r.param("fixture")).filter(f -> !f.isEmpty()).forEach(fixtures::add);
        return new ResultsRun(file, results, List.copyOf(records), List.copyOf(fixtures), environmentLabel(results));
    }

    /** Returns "OS arch, Go version", for example "Linux amd64, go1.26.8". */
    static String environmentLabel(ObjectNode results) {
        JsonNode env = results.path("environment");
        return EnvironmentProbe.text(env, "os/name") + " " + EnvironmentProbe.text(env, "os/arch") + ", "
                + EnvironmentProbe.text(env, "go/version");
    }

    public JsonNode environment() {
        return results.path("environment");
    }

    /** Returns the operating system's name in lower case, for example "linux" or "windows 11". */
    public String osName() {
        return EnvironmentProbe.text(environment(), "os/name").toLowerCase(Locale.ROOT);
    }

    public boolean isWindows() {
        return osName().startsWith("windows");
    }

    /** Returns the first record of {@code method} whose parameters pass {@code params}. */
    public Optional<BenchmarkRecord> find(String method, Predicate<BenchmarkRecord> params) {
        return records.stream().filter(r -> r.method().equals(method)).filter(params).findFirst();
    }

    /** Returns the record of {@code method} on {@code fixture}. */
    public Optional<BenchmarkRecord> find(String method, String fixture) {
        return find(method, r -> r.param("fixture").equals(fixture));
    }

    public List<BenchmarkRecord> all(String method) {
        return records.stream().filter(r -> r.method().equals(method)).toList();
    }

    public boolean has(String method) {
        return records.stream().anyMatch(r -> r.method().equals(method));
    }
}
