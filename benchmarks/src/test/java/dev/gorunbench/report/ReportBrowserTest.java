package dev.gorunbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gorunbench.TestSupport;
import dev.gorunbench.exec.ProcessRequest;
import dev.gorunbench.exec.ProcessResult;
import dev.gorunbench.exec.ProcessRunner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html in headless Chromium with its networking features off, reads the status the page's
 * own check script writes after the charts are laid out, and saves a screenshot to
 * {@code benchmarks/target/report-browser/report.png}. Skips where no Chromium is installed
 * (Debian: {@code apt-get install chromium}).
 */
class ReportBrowserTest {
    private static final Pattern STATUS = Pattern.compile(
            "<p id=\"render-status\" data-status=\"([^\"]*)\" data-charts=\"(\\d+)\">([^<]*)</p>");
    private static final Path OUT = TestSupport.root().resolve("benchmarks/target/report-browser");

    @TempDir
    static Path profile;

    private static Path page;

    @BeforeAll
    static void writeReport() throws IOException {
        ReportWriter.write(ReportFixtures.both(), OUT);
        page = OUT.resolve("report.html");
    }

    @Test
    void everyChartRenders() {
        Path chromium = chromium();
        ProcessResult result = run(chromium, "--dump-dom", page.toUri().toString());
        assertEquals(0, result.exitCode(), result.stderrTail());

        Matcher status = STATUS.matcher(result.stdout());
        assertTrue(status.find(), "no #render-status element in the rendered page");
        assertEquals("ok", status.group(1), status.group(3));
        assertEquals(String.valueOf(Charts.of(ReportFixtures.both()).size()), status.group(2));
    }

    @Test
    void screenshotIsSaved() throws IOException {
        Path chromium = chromium();
        Path screenshot = OUT.resolve("report.png");
        Files.deleteIfExists(screenshot);

        ProcessResult result = run(chromium, "--hide-scrollbars", "--window-size=1100,5000",
                "--screenshot=" + screenshot, page.toUri().toString());

        assertEquals(0, result.exitCode(), result.stderrTail());
        assertTrue(Files.size(screenshot) > 10_000, "screenshot " + screenshot + " is missing or blank");
    }

    /**
     * Runs Chromium headless, with every feature that would reach the network turned off and every host
     * name unresolvable, so a page that needed the network would fail the check.
     */
    private static ProcessResult run(Path chromium, String... arguments) {
        List<String> args = new ArrayList<>(List.of("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=" + profile.toAbsolutePath()));
        args.addAll(List.of(arguments));
        ProcessRequest request = ProcessRequest.builder(chromium, OUT)
                .arguments(args)
                .environment(Map.of("PATH", System.getenv().getOrDefault("PATH", ""), "HOME", profile.toString()))
                .timeout(Duration.ofMinutes(2))
                .build();
        return new ProcessRunner().run(request);
    }

    private static Path chromium() {
        Optional<Path> found = Optional.empty();
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (found.isEmpty() && Files.isExecutable(candidate)) {
                    found = Optional.of(candidate);
                }
            }
        }
        assumeTrue(found.isPresent(), "Chromium is not installed (Debian: apt-get install chromium); "
                + "the browser check of report.html is skipped");
        return found.get();
    }
}
