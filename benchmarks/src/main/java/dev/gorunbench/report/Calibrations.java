package dev.gorunbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** Formats the timing facts of a results file's environment for the environment table. */
final class Calibrations {
    private Calibrations() {
    }

    /** Returns what measured the wall times and how the JMH forks start processes, or "not recorded". */
    static String timing(JsonNode environment) {
        JsonNode timing = environment.path("timing");
        if (timing.isMissingNode()) {
            return "not recorded";
        }
        String clock = timing.path("clock").asText().equals("TIMING_HELPER")
                ? "native timing helper (posix_spawn to wait4)" : "JVM clock around commons-exec";
        return clock + "; " + timing.path("helper").asText() + "; JDK launch mechanism "
                + timing.path("launchMechanism").asText();
    }

    /** Returns the exec floor's median with its interval and sample count, or "not recorded". */
    static String execFloor(JsonNode environment) {
        JsonNode floor = environment.path("execFloor");
        if (floor.isMissingNode()) {
            return "not recorded";
        }
        StringBuilder text = new StringBuilder(CoreTable.formatMs(floor.path("medianMs").asDouble())).append(" ms median");
        if (floor.has("ci95LowerMs")) {
            text.append(String.format(Locale.ROOT, " (95%% CI %s to %s)",
                    CoreTable.formatMs(floor.path("ci95LowerMs").asDouble()),
                    CoreTable.formatMs(floor.path("ci95UpperMs").asDouble())));
        }
        text.append(", ").append(floor.path("samples").asInt()).append(" samples, ")
                .append(floor.path("clock").asText().equals("TIMING_HELPER") ? "timing helper" : "JVM clock")
                .append("; ").append(floor.path("program").asText())
                .append("; ").append(floor.path("source").asText());
        return text.toString();
    }
}
