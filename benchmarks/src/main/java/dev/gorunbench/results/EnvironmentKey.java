package dev.gorunbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The facts that make two runs comparable: OS, architecture, CPU model, logical cores, Go version and a
 * user label (for example a CI runner class). A baseline is used only for a run with an equal key, because
 * timings taken on another machine or toolchain cannot show a regression.
 */
public record EnvironmentKey(String os, String arch, String cpuModel, int logicalCores, String goVersion,
        String label) {

    /** The label of runs that were given none. */
    public static final String DEFAULT_LABEL = "default";

    /** Reads the key from the environment object of a results file; a run without a label has "default". */
    public static EnvironmentKey of(JsonNode results) {
        JsonNode env = results.path("environment");
        String label = env.path("label").asText("");
        return new EnvironmentKey(
                EnvironmentProbe.text(env, "os/name"),
                EnvironmentProbe.text(env, "os/arch"),
                EnvironmentProbe.text(env, "cpu/model"),
                env.path("cpu").path("logicalCores").asInt(-1),
                EnvironmentProbe.text(env, "go/version"),
                label.isBlank() ? DEFAULT_LABEL : label);
    }

    /**
     * Returns the baseline file name of this key, such as
     * {@code linux-amd64-intel-xeon-platinum-8375c-cpu-2-90ghz-2cores-go1.26.8-default.json}. Two keys can
     * share a name only when they differ in punctuation; the key stored inside the file decides.
     */
    public String fileName() {
        return String.join("-", slug(os), slug(arch), slug(cpuModel), logicalCores + "cores", slug(goVersion),
                slug(label)) + ".json";
    }

    /** Returns the fields that differ from {@code other}, as "name: this vs other" lines joined by "; ". */
    public String differences(EnvironmentKey other) {
        StringBuilder text = new StringBuilder();
        difference(text, "OS", os, other.os);
        difference(text, "architecture", arch, other.arch);
        difference(text, "CPU model", cpuModel, other.cpuModel);
        difference(text, "logical cores", String.valueOf(logicalCores), String.valueOf(other.logicalCores));
        difference(text, "Go version", goVersion, other.goVersion);
        difference(text, "label", label, other.label);
        return text.toString();
    }

    @Override
    public String toString() {
        return os + " " + arch + ", " + cpuModel + ", " + logicalCores + " logical cores, " + goVersion
                + ", label " + label;
    }

    private static void difference(StringBuilder text, String name, String mine, String theirs) {
        if (!mine.equals(theirs)) {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(name).append(' ').append(mine).append(" vs ").append(theirs);
        }
    }

    private static String slug(String value) {
        String ascii = Normalizer.normalize(value, Normalizer.Form.NFKD).replaceAll("[^\\p{ASCII}]", "");
        String slug = ascii.toLowerCase(Locale.ROOT)
                .replaceAll("\\((r|tm)\\)", "")
                .replaceAll("[^a-z0-9.]+", "-")
                .replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "unknown" : slug;
    }
}
