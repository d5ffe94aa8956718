package dev.gorunbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The results file, where every run is written and read back: one JSON document per run.
 *
 * <pre>
 * {
 *   "schemaVersion": 1,
 *   "complete": true,               // false when a benchmark failed; failures lists them
 *   "profile": "default",
 *   "otherJmhRunActive": false,     // true when another JMH run held the machine-wide lock
 *   "environment": { ... },         // see EnvironmentProbe
 *   "failures": [ { "benchmark", "params", "message" } ],
 *   "benchmarks": [ ... ],          // JMH's own JSON records, raw samples included
 *   "attachments": { "NAME": "TEXT" } // text files benchmarks produced, see Attachments
 * }
 * </pre>
 */
public final class ResultsFile {
    public static final int SCHEMA_VERSION = 1;
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsFile() {
    }

    /** Writes {@code document} to {@code target} atomically. */
    public static void write(Path target, JsonNode document) throws IOException {
        AtomicFiles.write(target, JSON.writeValueAsBytes(document));
    }

    /**
     * Reads and validates a results file.
     *
     * @throws ResultsFormatException when the file is missing, empty, not JSON, or of another schema
     */
    public static ObjectNode read(Path file) {
        byte[] bytes;
        if (Files.isDirectory(file)) {
            throw new ResultsFormatException(file, "is a directory; give a results file, such as results/latest.json");
        }
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ResultsFormatException(file, "file not found; check the path, or run the benchmarks to write it");
        } catch (IOException e) {
            throw new ResultsFormatException(file, "could not be read: " + e.getMessage(), e);
        }
        if (bytes.length == 0) {
            throw new ResultsFormatException(file, "file is empty; rerun the benchmarks to write it again");
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            // Some of Jackson's messages carry a "[Source: ...; line: L, column: C]" reference of their own.
            String reason = e.getOriginalMessage().replaceAll("\\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]",
                    "line $1, column $2");
            throw new ResultsFormatException(file, "not valid JSON (" + reason
                    + " at line " + e.getLocation().getLineNr() + "); the file is corrupt or truncated", e);
        } catch (IOException e) {
            throw new ResultsFormatException(file, "could not be parsed: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ResultsFormatException(file, "not a gorunbench results file: the top level is not a JSON object"
                    + (root != null && root.isArray() ? " (JMH's own result files are arrays)" : ""));
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null) {
            throw new ResultsFormatException(file, "not a gorunbench results file: schemaVersion is missing"
                    + (root.has("benchmarks") || root.has("primaryMetric") ? "" : " (is it another tool's JSON?)"));
        }
        if (!version.isInt()) {
            throw new ResultsFormatException(file, "schemaVersion " + version + " is not a whole number");
        }
        if (version.intValue() > SCHEMA_VERSION) {
            throw new ResultsFormatException(file, "schemaVersion " + version.intValue() + " is newer than "
                    + SCHEMA_VERSION + ", the newest this gorunbench reads; update gorunbench");
        }
        if (version.intValue() < 1) {
            throw new ResultsFormatException(file, "schemaVersion " + version.intValue() + " is unknown");
        }
        if (!root.path("benchmarks").isArray()) {
            throw new ResultsFormatException(file, "the benchmarks array is missing");
        }
        if (!root.path("environment").isObject()) {
            throw new ResultsFormatException(file, "the environment object is missing");
        }
        for (int i = 0; i < root.path("benchmarks").size(); i++) {
            JsonNode record = root.path("benchmarks").get(i);
            if (!record.path("benchmark").isTextual() || !record.path("primaryMetric").path("rawData").isArray()) {
                throw new ResultsFormatException(file, "benchmarks[" + i + "] is not a JMH record: it needs a"
                        + " benchmark name and primaryMetric.rawData");
            }
        }
        return (ObjectNode) root;
    }
}
