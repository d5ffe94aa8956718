package dev.gorunbench.suite;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 *       verification, cold benchmarks on their first parameter values only, the C stage benchmarks for
 *       C at -O0 only and the scaled benchmarks on their smallest project only; for CI checks that the
 *       suite works, not for numbers.
 * </ul>
 */
public enum Profile {
    DEFAULT,
    SMOKE;


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
     * Parameters that multiply runs without exercising other code: the smoke profile runs only their first
     * value (C at -O0, the smallest generated project), for every benchmark that declares them.
     */
    private static final Set<String> SMOKE_FIRST_VALUE_ONLY = Set.of("language", "optimization", "packages");

    /**
     * Returns whether this profile runs {@code entry} with {@code params}, one combination of the
     * {@code values} the suite runs for each parameter. The smoke profile runs a cold benchmark (one
     * declared without warm-up, which takes seconds per sample) on the first value of each parameter
     * only, and every benchmark on the first value of the parameters in {@link #SMOKE_FIRST_VALUE_ONLY},
     * so the whole smoke run stays within a few minutes on two cores.
     */
    boolean includes(BenchmarkListEntry entry, Map<String, String> params, Map<String, String[]> values) {
        if (this == DEFAULT) {
            return true;
        }
        boolean cold = entry.getWarmupIterations().orElse(1) == 0;
        for (Map.Entry<String, String[]> declared : values.entrySet()) {
            if (!cold && !SMOKE_FIRST_VALUE_ONLY.contains(declared.getKey())) {
                continue;
            }
            String value = params.get(declared.getKey());
            if (declared.getValue().length > 0 && value != null && !value.equals(declared.getValue()[0])) {
                return false;
            }
        }
        return true;
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
