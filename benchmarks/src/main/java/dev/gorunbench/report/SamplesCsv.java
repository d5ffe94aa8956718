package dev.gorunbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code results/samples.csv}: one row per raw sample of every metric of every record, for people
 * who make their own plots. {@code fork} and {@code iteration} count from 1, as JMH prints them.
 */
public final class SamplesCsv {
    static final List<String> COLUMNS = List.of("environment", "file", "benchmark", "params", "metric", "unit",
            "fork", "iteration", "value");

    private SamplesCsv() {
    }

    public static String render(List<ResultsRun> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (ResultsRun run : runs) {
            String file = String.valueOf(run.file().getFileName());
            for (JsonNode record : run.results().path("benchmarks")) {
                String benchmark = record.path("benchmark").asText();
                String params = BenchmarkRecord.of(record).paramText();
                addMetric(rows, run.label(), file, benchmark, params, "primary", record.path("primaryMetric"));
                for (Iterator<Map.Entry<String, JsonNode>> it = record.path("secondaryMetrics").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> metric = it.next();
                    addMetric(rows, run.label(), file, benchmark, params, metric.getKey(), metric.getValue());
                }
            }
        }
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        try {
            return new CsvMapper().writer(schema.build()).writeValueAsString(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the samples as CSV", e);
        }
    }

    private static void addMetric(List<List<String>> rows, String environment, String file, String benchmark,
            String params, String metric, JsonNode node) {
        String unit = node.path("scoreUnit").asText();
        JsonNode forks = node.path("rawData");
        for (int fork = 0; fork < forks.size(); fork++) {
            JsonNode samples = forks.get(fork);
            for (int iteration = 0; iteration < samples.size(); iteration++) {
                rows.add(List.of(environment, file, benchmark, params, metric, unit, String.valueOf(fork + 1),
                        String.valueOf(iteration + 1), samples.get(iteration).asText()));
            }
        }
    }
}
