package dev.gorunbench.suite;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

/**
 * How many samples a suite run takes.
 *
 * <ul>
 *   <li>{@code default}: the warm-up and measurement counts declared on each benchmark, at least 10
 *       samples each, enough for the statistics of comparisons and reports.
 *   <li>{@code smoke}: the fewest samples that still run every benchmark's setup, timed call and
 *       verification, cold benchmarks on their first parameter values only and the scaled benchmarks on
 *       their smallest project only; for CI checks that the suite works, not for numbers.
 * </ul>
 */
public enum Profile {
    DEFAULT,
    SMOKE;

    /**
     * A parameter the smoke profile runs on its first value only, in warm benchmarks too: each further
     * project size costs seconds of untimed generation and first build.
     */
    private static final String SMOKE_FIRST_VALUE_ONLY = "packages";

    /** Returns the profile named {@code name}, rejecting unknown names. */
    public static Profile fromName(String name) {
        for (Profile profile : values()) {
            if (profile.name().equalsIgnoreCase(name.trim())) {
                return profile;
            }
        }
        throw new IllegalArgumentException("Unknown profile \"" + name + "\". Valid profiles: "
                + Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", ")) + ".");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns whether this profile runs {@code entry} with {@code params}. The smoke profile runs a cold
     * benchmark (one declared without warm-up, which takes seconds per sample) on the first value of
     * each parameter only, and any benchmark on the first value of {@code packages} only, so the whole smoke
     * run stays within a few minutes on two cores.
     */
    boolean includes(BenchmarkListEntry entry, Map<String, String> params) {
        if (this == SMOKE && !isFirstValue(entry, params, SMOKE_FIRST_VALUE_ONLY)) {
            return false;
        }
        if (this == DEFAULT || entry.getWarmupIterations().orElse(1) != 0 || !entry.getParams().hasValue()) {
            return true;
        }
        for (Map.Entry<String, String[]> declared : entry.getParams().get().entrySet()) {
            String value = params.get(declared.getKey());
            if (declared.getValue().length > 0 && value != null && !value.equals(declared.getValue()[0])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isFirstValue(BenchmarkListEntry entry, Map<String, String> params, String name) {
        String[] declared = entry.getParams().hasValue() ? entry.getParams().get().get(name) : null;
        String value = params.get(name);
        return declared == null || declared.length == 0 || value == null || value.equals(declared[0]);
    }

    /** Adds this profile's overrides of the declared counts for one benchmark. */
    void apply(ChainedOptionsBuilder options, BenchmarkListEntry entry) {
        if (this == DEFAULT) {
            return;
        }
        boolean cold = entry.getWarmupIterations().orElse(1) == 0;
        options.forks(1)
                .warmupIterations(cold ? 0 : 1)
                .measurementIterations(cold ? 1 : 2);
    }
}
