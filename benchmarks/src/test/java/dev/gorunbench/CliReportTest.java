package dev.gorunbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gorunbench.report.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report subcommand's files and exit codes. */
class CliReportTest {
    @TempDir
    Path temp;

    private static Path sample(String name) {
        return TestSupport.root().resolve("benchmarks/src/test/resources/report").resolve(name);
    }

    @Test
    void reportWritesEveryFile() {
        int exit = Cli.execute("report", sample("linux-results.json").toString(), "--out-dir", temp.toString());

        assertEquals(Cli.OK, exit);
        for (String file : ReportWriter.FILES) {
            assertTrue(Files.isRegularFile(temp.resolve(file)), file);
        }
    }

    @Test
    void reportTakesSeveralFiles() throws Exception {
        int exit = Cli.execute("report", sample("linux-results.json").toString(),
                sample("windows-results.json").toString(), "--out-dir", temp.toString());

        assertEquals(Cli.OK, exit);
        assertTrue(Files.readString(temp.resolve("README.md")).contains("2 environments side by side"));
    }

    @Test
    void missingFileIsUnusableInput() {
        int exit = Cli.execute("report", temp.resolve("missing.json").toString(), "--out-dir", temp.toString());

        assertEquals(Cli.UNUSABLE_INPUT, exit);
        assertTrue(!Files.exists(temp.resolve("README.md")));
    }

    @Test
    void noFileIsUnusableInput() {
        assertEquals(Cli.UNUSABLE_INPUT, Cli.execute("report"));
    }
}
