package dev.gorunbench;

import dev.gorunbench.compare.CompareSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** The regression gate's settings of {@code Cli run}; Maven passes them as {@code -Dbench.gate.*}. */
final class GateOptions {
    @Option(names = "--gate-alpha", defaultValue = "0.05",
            description = "Significance level of the gate's Mann-Whitney U test (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--gate-min-effect", defaultValue = "0.10",
            description = "Smallest slowdown that fails the gate, as a fraction (default ${DEFAULT-VALUE}).")
    double minEffect;

    @Option(names = "--gate-min-effect-for", paramLabel = "REGEX=FRACTION", split = ",",
            description = "Minimum effects of benchmarks whose name matches REGEX, comma-separated, e.g. goRunCold=0.2.")
    List<String> minEffectFor = new ArrayList<>();

    CompareSettings settings() {
        return new CompareSettings(alpha, minEffect,
                CompareSettings.parseMinEffects(minEffectFor.stream().filter(s -> !s.isBlank()).toList()), Set.of());
    }
}
