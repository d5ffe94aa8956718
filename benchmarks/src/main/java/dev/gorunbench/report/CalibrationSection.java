package dev.gorunbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.results.ResultsFile;
import dev.gorunbench.results.ResultsFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The regression gate's calibration: false-alarm and detection rates from {@code calibration.json}, which
 * {@code Cli calibrate} writes into {@code results/}. That file is not part of a suite run, so it is read
 * from the directory of the results file the report is made from.
 */
final class CalibrationSection implements ReportSection {
    static final String FILE_NAME = "calibration.json";

    @Override
    public String render(ObjectNode results, List<BenchmarkRecord> records, List<String> fixtures) {
        return "";
    }

    @Override
    public String render(ObjectNode results, List<BenchmarkRecord> records, List<String> fixtures, Path resultsDir) {
        Path file = resultsDir == null ? null : resultsDir.resolve(FILE_NAME);
        if (file == null || !Files.isRegularFile(file)) {
            return "";
        }
        JsonNode calibration;
        try {
            calibration = ResultsFile.JSON.readTree(file.toFile());
        } catch (java.io.IOException e) {
            throw new ResultsFormatException(file, "not valid JSON: " + e.getMessage(), e);
        }
        JsonNode settings = calibration.path("settings");
        JsonNode env = calibration.path("environment");
        StringBuilder page = new StringBuilder();
        page.append("## Calibration of the regression gate\n\n");
        page.append(String.format(Locale.ROOT, "How often the gate fires on `%s` (fixture `%s`) when nothing changed "
                + "(A/A), and when side B's linker is delayed by 5%% or 10%% of the warm build time (a `-toolexec` "
                + "wrapper, `calibration/linkdelay`, that sleeps before each linker invocation; a warm build invokes "
                + "the linker once, for `link -V=full`, and both sides run through the wrapper). Each run is an "
                + "interleaved A/B run with %d JMH forks per side; settings: alpha %s, minimum effect %s%%. "
                + "*Interleaved* compares B with A of the same run; *sequential* compares with A of the previous run, "
                + "as the gate compares a run with a baseline recorded earlier. Measured %s on %s, %s logical cores, "
                + "%s, in %d s; pilot warm build median %.1f ms.%n%n",
                calibration.path("benchmark").asText(), calibration.path("fixture").asText(),
                settings.path("forksPerSide").asInt(), settings.path("alpha").asText(),
                trim(100 * settings.path("minEffect").asDouble()), calibration.path("timeUtc").asText(),
                env.path("cpu.model").asText(), env.path("cpu.logicalCores").asText(), env.path("go.version").asText(),
                calibration.path("elapsedSeconds").asLong(), calibration.path("pilotWarmBuildMedianMs").asDouble()));
        page.append(String.format(Locale.ROOT, "Samples per fork: %s. Interleaved runs pair fork i of A with fork i "
                + "of B and apply the Wilcoxon signed-rank test to the ratios of their medians. Sequential comparisons "
                + "apply the Mann-Whitney U test to the fork medians when both runs have at least %d forks, else to "
                + "the raw samples.%n%n",
                settings.path("iterationsPerFork").asText("as declared"), settings.path("minForks").asInt(4)));
        JsonNode reanalysis = calibration.path("reanalysis");
        if (reanalysis.isObject()) {
            page.append("The verdicts were recomputed from the stored samples with `").append(reanalysis.path("command").asText())
                    .append("` (alpha ").append(reanalysis.path("alpha").asText()).append(", minimum effect ")
                    .append(trim(100 * reanalysis.path("minEffect").asDouble()))
                    .append("%); the first run has no sequential comparison, because the pilot's samples are not stored."
                            + "\n\n");
        }
        if (!calibration.path("complete").asBoolean(true)) {
            page.append("**This calibration was interrupted**; the table counts the ")
                    .append(calibration.path("runs").size()).append(" runs it finished.\n\n");
        }
        page.append("| condition | link delay | alarms, interleaved | alarms, sequential | target |\n");
        page.append("|---|---:|---:|---:|---|\n");
        JsonNode rates = calibration.path("rates");
        for (var it = rates.fields(); it.hasNext(); ) {
            var entry = it.next();
            String condition = entry.getKey();
            JsonNode rate = entry.getValue();
            page.append("| ").append(condition)
                    .append(" | ").append(delay(calibration, condition))
                    .append(" | ").append(fraction(rate.path("interleavedAlarms").asInt(), rate.path("interleavedRuns").asInt()))
                    .append(" | ").append(fraction(rate.path("sequentialAlarms").asInt(), rate.path("sequentialRuns").asInt()))
                    .append(" | ").append(target(condition))
                    .append(" |\n");
        }
        if (env.hasNonNull("loadAverageBefore")) {
            page.append("\nLoad average (`/proc/loadavg`) before the calibration: ")
                    .append(env.path("loadAverageBefore").asText()).append("; after: ")
                    .append(env.path("loadAverageAfter").asText("unknown")).append(".\n");
        }
        if (env.hasNonNull("note")) {
            page.append("\nNote: ").append(env.path("note").asText()).append(".\n");
        }
        page.append("\nRaw samples of every run: `results/calibration.json`. Reproduce: `")
                .append(calibration.path("command").asText()).append("`\n\n");
        return page.toString();
    }

    private static String delay(JsonNode calibration, String condition) {
        for (JsonNode run : calibration.path("runs")) {
            if (run.path("condition").asText().equals(condition)) {
                return run.path("delayMs").asLong() + " ms";
            }
        }
        return "-";
    }

    private static String target(String condition) {
        if (condition.equals("A/A")) {
            return "at most 5%";
        }
        return condition.endsWith("10%") ? "at least 90%" : "reported only";
    }

    private static String fraction(int count, int total) {
        return total == 0 ? "-" : String.format(Locale.ROOT, "%d of %d (%.0f%%)", count, total, 100.0 * count / total);
    }

    private static String trim(double value) {
        return String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
