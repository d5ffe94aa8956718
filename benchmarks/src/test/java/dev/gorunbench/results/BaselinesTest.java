package dev.gorunbench.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.compare.Synthetic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Environment keys and the baseline directory: matching, corrupt, foreign and unknown-schema files. */
class BaselinesTest {
    @TempDir
    Path temp;

    @Test
    void keyReadsEnvironment() {
        EnvironmentKey key = EnvironmentKey.of(Synthetic.document("ci-large"));

        assertEquals(new EnvironmentKey("Linux", "amd64", "Test CPU @ 2.00GHz", 2, "go1.26.8", "ci-large"), key);
        assertEquals("linux-amd64-test-cpu-2.00ghz-2cores-go1.26.8-ci-large.json", key.fileName());
    }

    @Test
    void keyWithoutLabelIsDefault() {
        ObjectNode document = Synthetic.document("x");
        ((ObjectNode) document.path("environment")).remove("label");

        assertEquals(EnvironmentKey.DEFAULT_LABEL, EnvironmentKey.of(document).label());
    }

    @Test
    void keysDifferByEachField() {
        EnvironmentKey key = EnvironmentKey.of(Synthetic.document("default"));
        ObjectNode otherGo = Synthetic.document("default");
        ((ObjectNode) otherGo.path("environment").path("go")).put("version", "go1.25.0");
        ObjectNode otherCores = Synthetic.document("default");
        ((ObjectNode) otherCores.path("environment").path("cpu")).put("logicalCores", 4);

        assertNotEquals(key, EnvironmentKey.of(otherGo));
        assertNotEquals(key, EnvironmentKey.of(otherCores));
        assertNotEquals(key, EnvironmentKey.of(Synthetic.document("other")));
        assertEquals("Go version go1.26.8 vs go1.25.0", key.differences(EnvironmentKey.of(otherGo)));
    }

    @Test
    void writtenBaselineIsFound() throws Exception {
        Baselines baselines = new Baselines(temp.resolve("baselines"));
        ObjectNode run = Synthetic.add(Synthetic.document("default"), "GoRunBenchmark", "goRunWarm", "hello",
                Synthetic.samples(10, 100, 1));

        Path written = baselines.write(run);
        Baselines.Lookup lookup = baselines.find(EnvironmentKey.of(run));

        assertEquals(baselines.fileFor(EnvironmentKey.of(run)), written);
        Baselines.Found found = assertInstanceOf(Baselines.Found.class, lookup);
        assertEquals(run, found.results());
    }

    @Test
    void otherLabelIsMissing() throws Exception {
        Baselines baselines = new Baselines(temp.resolve("baselines"));
        baselines.write(Synthetic.document("default"));

        assertInstanceOf(Baselines.Missing.class, baselines.find(EnvironmentKey.of(Synthetic.document("ci"))));
    }

    @Test
    void foreignBaselineIsUnusable() throws Exception {
        Baselines baselines = new Baselines(temp.resolve("baselines"));
        EnvironmentKey key = EnvironmentKey.of(Synthetic.document("default"));
        ObjectNode foreign = Synthetic.document("default");
        ((ObjectNode) foreign.path("environment").path("cpu")).put("model", "Other CPU");
        ResultsFile.write(baselines.fileFor(key), foreign);

        Baselines.Unusable unusable = assertInstanceOf(Baselines.Unusable.class, baselines.find(key));

        assertTrue(unusable.problem().contains("another environment"), unusable.problem());
        assertTrue(unusable.problem().contains("CPU model"), unusable.problem());
    }

    @Test
    void corruptBaselineIsUnusableAndKept() throws Exception {
        Baselines baselines = new Baselines(temp.resolve("baselines"));
        EnvironmentKey key = EnvironmentKey.of(Synthetic.document("default"));
        Path file = baselines.fileFor(key);
        Files.createDirectories(file.getParent());
        byte[] corrupt = "{\"schemaVersion\": 1, \"benchmarks\": [".getBytes(StandardCharsets.UTF_8);
        Files.write(file, corrupt);

        Baselines.Unusable unusable = assertInstanceOf(Baselines.Unusable.class, baselines.find(key));

        assertTrue(unusable.problem().contains("not valid JSON"), unusable.problem());
        assertTrue(unusable.problem().contains(file.toString()), unusable.problem());
        assertArrayEquals(corrupt, Files.readAllBytes(file));
    }

    @Test
    void unknownSchemaIsUnusable() throws Exception {
        Baselines baselines = new Baselines(temp.resolve("baselines"));
        ObjectNode future = Synthetic.document("default");
        future.put("schemaVersion", 99);
        ResultsFile.write(baselines.fileFor(EnvironmentKey.of(future)), future);

        Baselines.Unusable unusable = assertInstanceOf(Baselines.Unusable.class,
                baselines.find(EnvironmentKey.of(future)));

        assertTrue(unusable.problem().contains("schemaVersion 99"), unusable.problem());
    }

    @Test
    void updateReplacesCorruptFile() throws Exception {
        Baselines baselines = new Baselines(temp.resolve("baselines"));
        ObjectNode run = Synthetic.document("default");
        Path file = baselines.fileFor(EnvironmentKey.of(run));
        Files.createDirectories(file.getParent());
        Files.writeString(file, "garbage");

        baselines.write(run);

        assertInstanceOf(Baselines.Found.class, baselines.find(EnvironmentKey.of(run)));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temp file left");
        }
    }
}
