package dev.gorunbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The C stage measurements of one language and optimization level: the median of each of the four
 * classic stages (preprocess, compile, assemble, link) and of the one-shot compiler call, in milliseconds.
 * A record belongs to a stage by its {@code stage} parameter or, failing that, by its method name; the
 * other parameters (language, optimization level) form the group.
 */
record StageGroup(String label, Map<String, Double> medians) {
    static final String ONE_SHOT = "oneShot";

    /** Returns the groups of a run that have all four stages, in the order the records appear. */
    static List<StageGroup> of(ResultsRun run) {
        Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
        for (BenchmarkRecord record : run.records()) {
            Optional<String> stage = stageOf(record);
            Optional<SampleStats> stats = Samples.stats(Optional.of(record));
            if (stage.isEmpty() || stats.isEmpty()) {
                continue;
            }
            StringBuilder label = new StringBuilder();
            record.params().forEach((name, value) -> {
                if (!name.equals("stage")) {
                    label.append(label.length() == 0 ? "" : " ").append(value);
                }
            });
            groups.computeIfAbsent(label.toString(), k -> new LinkedHashMap<>()).put(stage.get(), stats.get().median());
        }
        List<StageGroup> complete = new ArrayList<>();
        groups.forEach((label, medians) -> {
            if (medians.keySet().containsAll(FolkClaims.C_STAGES)) {
                complete.add(new StageGroup(label.isEmpty() ? "all" : label, medians));
            }
        });
        return complete;
    }

    private static Optional<String> stageOf(BenchmarkRecord record) {
        String stage = record.param("stage");
        if (FolkClaims.C_STAGES.contains(stage) || stage.equals(ONE_SHOT)) {
            return Optional.of(stage);
        }
        if (stage.isEmpty() && (FolkClaims.C_STAGES.contains(record.method()) || record.method().equals(ONE_SHOT))) {
            return Optional.of(record.method());
        }
        return Optional.empty();
    }

    double median(String stage) {
        return medians.getOrDefault(stage, Double.NaN);
    }

    double stageSum() {
        return FolkClaims.C_STAGES.stream().mapToDouble(this::median).sum();
    }

    String largestStage() {
        String largest = FolkClaims.C_STAGES.get(0);
        for (String stage : FolkClaims.C_STAGES) {
            if (median(stage) > median(largest)) {
                largest = stage;
            }
        }
        return largest;
    }
}
