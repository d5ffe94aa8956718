package dev.gorunbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CSV of every sample, parsed back. */
class SamplesCsvTest {
    @Test
    void everySampleIsOneRow() throws IOException {
        List<ResultsRun> runs = ReportFixtures.both();
        long samples = 0;
        for (ResultsRun run : runs) {
            for (BenchmarkRecord record : run.records()) {
                samples += record.samples().length;
                for (double[] secondary : record.secondary().values()) {
                    samples += secondary.length;
                }
            }
        }

        List<Map<String, String>> rows = parse(SamplesCsv.render(runs));

        assertEquals(samples, rows.size());
        assertEquals(SamplesCsv.COLUMNS, List.copyOf(rows.get(0).keySet()));
    }

    @Test
    void rowKeepsParamsAndValue() throws IOException {
        List<Map<String, String>> rows = parse(SamplesCsv.render(List.of(ReportFixtures.linux())));
        Map<String, String> first = rows.stream()
                .filter(row -> row.get("benchmark").endsWith(".tempTreeDelete"))
                .filter(row -> row.get("metric").equals("primary"))
                .findFirst().orElseThrow();

        assertEquals("files=100,location=default", first.get("params"));
        assertEquals("ms/op", first.get("unit"));
        assertEquals("1", first.get("fork"));
        assertEquals("1", first.get("iteration"));
        assertEquals("Linux amd64, go1.26.8", first.get("environment"));
    }

    private static List<Map<String, String>> parse(String csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return it.readAll();
        }
    }
}
