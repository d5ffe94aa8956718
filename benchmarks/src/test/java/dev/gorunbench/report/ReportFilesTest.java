package dev.gorunbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated README.md, README.zh-CN.md, report.html and samples.csv against checked-in expected files.
 * After an intended change of the output, regenerate them with
 * {@code mvn test -Dtest=ReportFilesTest -Dreport.updateExpected=true} and review the diff.
 */
class ReportFilesTest {
    @TempDir
    Path out;

    @Test
    void singleFileMatchesExpected() throws IOException {
        ReportWriter.write(List.of(ReportFixtures.linux()), out);
        compare("single");
    }

    @Test
    void multiFileMatchesExpected() throws IOException {
        ReportWriter.write(ReportFixtures.both(), out);
        compare("multi");
    }

    private void compare(String name) throws IOException {
        Path expectedDir = ReportFixtures.resources().resolve("expected").resolve(name);
        boolean update = Boolean.getBoolean("report.updateExpected");
        for (String file : ReportWriter.FILES) {
            String actual = normalize(Files.readString(out.resolve(file), StandardCharsets.UTF_8));
            Path expected = expectedDir.resolve(file);
            if (update) {
                Files.createDirectories(expectedDir);
                Files.writeString(expected, actual, StandardCharsets.UTF_8);
            }
            assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, name + "/" + file);
        }
    }

    /** Replaces the values that differ between machines: the output directory and line separators. */
    private String normalize(String text) {
        return text.replace(out.toAbsolutePath().toString(), "OUT_DIR").replace("\r\n", "\n");
    }
}
