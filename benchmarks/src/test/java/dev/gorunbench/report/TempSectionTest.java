package dev.gorunbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.TestSupport;
import dev.gorunbench.results.ResultsFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The temp-directory section rendered from a small results document with fixed samples, compared with
 * the checked-in page. To accept a deliberate change, run with {@code -Dreport.updateExpected=true}.
 */
class TempSectionTest {
    private static final Path EXPECTED = TestSupport.root()
            .resolve("benchmarks/src/test/resources/report/temp-section.md");

    @Test
    void rendersExpectedTables() throws Exception {
        ObjectNode results = results();
        String page = new TempSection().render(results, records(results), List.of("hello", "cgo"));

        if (Boolean.getBoolean("report.updateExpected")) {
            Files.writeString(EXPECTED, page, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(EXPECTED, StandardCharsets.UTF_8), page);
    }

    @Test
    void noRecordsRenderNothing() {
        ObjectNode results = ResultsFile.JSON.createObjectNode();
        assertEquals("", new TempSection().render(results, List.of(), List.of()));
    }

    private static List<BenchmarkRecord> records(ObjectNode results) {
        List<BenchmarkRecord> records = new ArrayList<>();
        results.path("benchmarks").forEach(record -> records.add(BenchmarkRecord.of(record)));
        return records;
    }

    private static ObjectNode results() {
        ObjectNode results = ResultsFile.JSON.createObjectNode();
        results.put("profile", "default");
        results.put("include", "TempTree|FreshExecutable|GoRunTmpdir");
        ObjectNode environment = results.putObject("environment");
        environment.put("pageCache", "not dropped: file data read by earlier samples may be cached in memory");
        ArrayNode locations = environment.putArray("tempLocations");
        location(locations, "default", "/tmp", "ext4", "rw,relatime", null, null);
        location(locations, "shm", "/dev/shm", "tmpfs", "rw,nosuid,nodev", null, null);
        location(locations, "/mnt/usb", "/mnt/usb", "vfat", "rw,noexec", null, "mounted noexec: programs written to /mnt/usb cannot be run");
        location(locations, "/absent", "/absent", "unknown", "unknown", "missing: /absent does not exist", "missing: /absent does not exist");

        ArrayNode benchmarks = results.putArray("benchmarks");
        for (String location : List.of("default", "shm", "/mnt/usb")) {
            double scale = location.equals("shm") ? 0.5 : location.equals("/mnt/usb") ? 2 : 1;
            record(benchmarks, "TempTreeBenchmark.tempDirCreate", Map.of("location", location), "us/op",
                    series(20 * scale, 10), Map.of());
            for (int files : new int[] {1, 100}) {
                Map<String, String> params = Map.of("location", location, "files", String.valueOf(files), "fileBytes", "8192");
                record(benchmarks, "TempTreeBenchmark.tempTreeWrite", params, "ms/op", series(files * 0.05 * scale, 10), Map.of());
                record(benchmarks, "TempTreeBenchmark.tempTreeDelete", params, "ms/op", series(files * 0.02 * scale, 10), Map.of());
            }
        }
        for (String location : List.of("default", "shm")) {
            double scale = location.equals("shm") ? 0.9 : 1;
            Map<String, String> params = Map.of("fixture", "hello", "location", location);
            record(benchmarks, "FreshExecutableBenchmark.freshExecutable", params, "ms/op", series(12 * scale, 10),
                    Map.of("copyMs", series(2 * scale, 10), "cpuMs", series(4, 10)));
            record(benchmarks, "FreshExecutableBenchmark.reusedExecutable", params, "ms/op", series(8 * scale, 10),
                    Map.of("cpuMs", series(4, 10)));
            for (String fixture : List.of("hello", "cgo")) {
                double base = fixture.equals("cgo") ? 1700 : 240;
                record(benchmarks, "GoRunTmpdirBenchmark.goRunTmpdir", Map.of("fixture", fixture, "location", location),
                        "ms/op", series(base * scale, 10), Map.of("cpuMs", series(base * 1.2, 10),
                                "workFiles", constant(fixture.equals("cgo") ? 19 : 4, 10),
                                "workDirs", constant(3, 10), "workBytes", constant(1620934, 10)));
            }
        }
        return results;
    }

    private static void location(ArrayNode locations, String label, String path, String fileSystem, String options,
            String skipReason, String skipReasonForPrograms) {
        ObjectNode node = locations.addObject();
        node.put("label", label);
        node.put("path", path);
        node.put("fileSystem", fileSystem);
        node.put("mountOptions", options);
        node.put("skipReason", skipReason);
        node.put("skipReasonForPrograms", skipReasonForPrograms);
    }

    /** Returns {@code count} samples spread evenly from {@code median * 0.9} to {@code median * 1.1}. */
    private static double[] series(double median, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = median * (0.9 + 0.2 * i / (count - 1));
        }
        return values;
    }

    private static double[] constant(double value, int count) {
        double[] values = new double[count];
        Arrays.fill(values, value);
        return values;
    }

    private static void record(ArrayNode benchmarks, String name, Map<String, String> params, String unit,
            double[] samples, Map<String, double[]> secondary) {
        ObjectNode record = benchmarks.addObject();
        record.put("benchmark", "dev.gorunbench.bench." + name);
        ObjectNode paramsNode = record.putObject("params");
        params.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> paramsNode.put(e.getKey(), e.getValue()));
        ObjectNode primary = record.putObject("primaryMetric");
        primary.put("scoreUnit", unit);
        primary.putArray("rawData").add(ResultsFile.JSON.valueToTree(samples));
        ObjectNode secondaryNode = record.putObject("secondaryMetrics");
        secondary.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ObjectNode metric = secondaryNode.putObject(e.getKey());
            metric.putArray("rawData").add(ResultsFile.JSON.valueToTree(e.getValue()));
        });
    }
}
