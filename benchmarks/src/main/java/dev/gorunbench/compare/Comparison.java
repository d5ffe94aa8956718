package dev.gorunbench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gorunbench.report.BenchmarkRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Two results files compared benchmark by benchmark and parameter set, on the wall times of
 * {@link BenchmarkRecord#wallSamples()}: fork medians where both runs have enough forks, else raw samples
 * (see {@link SampleComparison} for the statistics).
 *
 * <p>A row is a regression when the U test is significant (p &lt; alpha), the new run is slower, and the
 * ratio's confidence interval reaches the benchmark's minimum effect: a slowdown of at least that size is
 * then plausible, while a slowdown that is significant but certainly smaller (the whole interval below
 * 1 + minimum effect) is reported as below the minimum effect. The rule is on the interval and not on the
 * point estimate, so a true slowdown of exactly the minimum effect is caught more often than half of the
 * time. Improvements are reported symmetrically and never fail a gate.
 */
public final class Comparison {
    /** The finding of one row. */
    public enum Verdict {
        REGRESSION("regression"),
        IMPROVEMENT("faster"),
        BELOW_MIN_EFFECT("below minimum effect"),
        NO_CHANGE("no significant change"),
        NOT_ENOUGH_SAMPLES("not enough samples"),
        ONLY_IN_BASE("missing in new run"),
        ONLY_IN_NEW("not in base run");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** The outcome of the whole comparison. */
    public enum Status {
        /** No row regressed and every row that is in both runs had enough samples. */
        NO_REGRESSION,
        /** At least one row regressed. */
        REGRESSION,
        /** No row regressed, but at least one had too few samples to tell. */
        INCONCLUSIVE
    }

    /**
     * One benchmark and parameter set.
     *
     * @param benchmark the benchmark as Class.method, such as GoRunBenchmark.goRunWarm
     * @param params the parameters the records were paired by
     * @param unit the primary metric's unit, such as ms/op
     * @param stats the statistics; null when the row is in only one of the runs
     * @param minEffect the minimum effect that applied
     */
    public record Row(String benchmark, Map<String, String> params, String unit, SampleComparison stats,
            double minEffect, Verdict verdict) {

        /** Returns the verdict in words, with the counts where samples were too few. */
        public String verdictText(int minSamples) {
            if (verdict == Verdict.NOT_ENOUGH_SAMPLES) {
                return String.format(Locale.ROOT, "not enough samples (%d and %d, needed %d)",
                        stats.baseCount(), stats.newCount(), minSamples);
            }
            return verdict.text();
        }
    }

    private final CompareSettings settings;
    private final List<Row> rows;

    private Comparison(CompareSettings settings, List<Row> rows) {
        this.settings = settings;
        this.rows = List.copyOf(rows);
    }

    /** Compares the runs {@code base} and {@code fresh}, both results documents. */
    public static Comparison of(JsonNode base, JsonNode fresh, CompareSettings settings) {
        Map<String, BenchmarkRecord> baseRecords = index(base, settings);
        Map<String, BenchmarkRecord> newRecords = index(fresh, settings);
        Map<String, List<double[]>> baseForks = forks(base, settings);
        Map<String, List<double[]>> newForks = forks(fresh, settings);
        boolean paired = sidesOfOneInterleavedRun(base, fresh);
        int minSamples = settings.minSamples();
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, BenchmarkRecord> entry : baseRecords.entrySet()) {
            BenchmarkRecord old = entry.getValue();
            BenchmarkRecord now = newRecords.get(entry.getKey());
            String name = fullName(old);
            double minEffect = settings.minEffectFor(name);
            Map<String, String> params = pairedParams(old, settings);
            if (now == null) {
                rows.add(new Row(name, params, old.unit(), null, minEffect, Verdict.ONLY_IN_BASE));
                continue;
            }
            if (!old.unit().equals(now.unit())) {
                throw new IllegalArgumentException(name + " " + params + " is measured in " + old.unit()
                        + " in one file and in " + now.unit() + " in the other; compare runs of the same harness.");
            }
            requireSameClock(name, params, old, now);
            SampleComparison stats = paired
                    ? SampleComparison.ofPairedForks(baseForks.get(entry.getKey()), newForks.get(entry.getKey()),
                            settings.alpha(), minSamples, settings.minForks(), settings.minPairs())
                    : SampleComparison.ofForks(baseForks.get(entry.getKey()), newForks.get(entry.getKey()),
                            settings.alpha(), minSamples, settings.minForks());
            rows.add(new Row(name, params, old.unit(), stats, minEffect, verdict(stats, minEffect, settings.alpha())));
        }
        for (Map.Entry<String, BenchmarkRecord> entry : newRecords.entrySet()) {
            if (!baseRecords.containsKey(entry.getKey())) {
                BenchmarkRecord now = entry.getValue();
                String name = fullName(now);
                rows.add(new Row(name, pairedParams(now, settings), now.unit(), null, settings.minEffectFor(name),
                        Verdict.ONLY_IN_NEW));
            }
        }
        return new Comparison(settings, rows);
    }

    /** Returns the verdict of one row with enough samples or without. */
    public static Verdict verdict(SampleComparison stats, double minEffect, double alpha) {
        if (!stats.hasEnoughSamples()) {
            return Verdict.NOT_ENOUGH_SAMPLES;
        }
        if (!(stats.pValue() < alpha)) {
            return Verdict.NO_CHANGE;
        }
        if (stats.ratio() > 1) {
            return stats.ratioUpper() >= 1 + minEffect ? Verdict.REGRESSION : Verdict.BELOW_MIN_EFFECT;
        }
        return stats.ratioLower() <= 1 / (1 + minEffect) ? Verdict.IMPROVEMENT : Verdict.BELOW_MIN_EFFECT;
    }

    public CompareSettings settings() {
        return settings;
    }

    public List<Row> rows() {
        return rows;
    }

    public List<Row> regressions() {
        return rows.stream().filter(row -> row.verdict() == Verdict.REGRESSION).toList();
    }

    /** Returns the rows that are in both runs. */
    public List<Row> paired() {
        return rows.stream().filter(row -> row.stats() != null).toList();
    }

    public Status status() {
        if (!regressions().isEmpty()) {
            return Status.REGRESSION;
        }
        if (paired().isEmpty() || rows.stream().anyMatch(row -> row.verdict() == Verdict.NOT_ENOUGH_SAMPLES)) {
            return Status.INCONCLUSIVE;
        }
        return Status.NO_REGRESSION;
    }

    /** Returns the geometric mean of the ratios new/base of every row with enough samples, if any. */
    public OptionalDouble geometricMeanRatio() {
        double[] logs = rows.stream()
                .filter(row -> row.stats() != null && row.stats().hasEnoughSamples())
                .mapToDouble(row -> Math.log(row.stats().ratio()))
                .toArray();
        if (logs.length == 0) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        for (double log : logs) {
            sum += log;
        }
        return OptionalDouble.of(Math.exp(sum / logs.length));
    }

    /**
     * Rejects a pair of records whose times were taken by different clocks: the timing helper's wall time,
     * the JVM's wall time, or JMH's score, which also counts the JVM's cost of starting the process. Their
     * ratio would show the clock, not a change. Also rejects a record whose {@code wallMs} is malformed.
     */
    private static void requireSameClock(String name, Map<String, String> params, BenchmarkRecord old,
            BenchmarkRecord now) {
        for (BenchmarkRecord record : List.of(old, now)) {
            if (record.hasMalformedWallSamples()) {
                throw new IllegalArgumentException(record.malformedWallMessage() + " in one file; rerun the"
                        + " benchmark, or remove wallMs from that record to compare JMH's scores.");
            }
        }
        if (!old.clock().equals(now.clock())) {
            throw new IllegalArgumentException(name + " " + params + " was timed by " + old.clock()
                    + " in the base file and by " + now.clock() + " in the new one, so their ratio would show the"
                    + " clock rather than a change; compare runs measured the same way.");
        }
    }

    private static Map<String, BenchmarkRecord> index(JsonNode results, CompareSettings settings) {
        Map<String, BenchmarkRecord> records = new LinkedHashMap<>();
        for (JsonNode node : results.path("benchmarks")) {
            BenchmarkRecord record = BenchmarkRecord.of(node);
            Map<String, String> params = pairedParams(record, settings);
            if (records.put(fullName(record) + " " + params, record) != null) {
                throw new IllegalArgumentException(duplicateMessage(fullName(record), params, settings));
            }
        }
        return records;
    }

    private static String duplicateMessage(String name, Map<String, String> params, CompareSettings settings) {
        if (settings.ignoredParams().isEmpty()) {
            return name + " " + params + " appears twice in one results file; a run records each benchmark and"
                    + " parameter set once, so merge no runs into one file.";
        }
        return name + " " + params + " appears twice in one results file once " + settings.ignoredParams()
                + " is ignored; ignore only a parameter whose value differs between the two files, not within one.";
    }

    /**
     * Returns whether the two documents are the two sides of one interleaved run ({@code Cli ab}), whose forks
     * can be paired round by round.
     */
    public static boolean sidesOfOneInterleavedRun(JsonNode base, JsonNode fresh) {
        JsonNode baseVariant = base.path("environment").path("variant");
        JsonNode newVariant = fresh.path("environment").path("variant");
        String runId = baseVariant.path("runId").asText("");
        return !runId.isEmpty() && runId.equals(newVariant.path("runId").asText())
                && !baseVariant.path("side").asText().equals(newVariant.path("side").asText());
    }

    private static Map<String, List<double[]>> forks(JsonNode results, CompareSettings settings) {
        Map<String, List<double[]>> forks = new LinkedHashMap<>();
        for (JsonNode node : results.path("benchmarks")) {
            BenchmarkRecord record = BenchmarkRecord.of(node);
            forks.put(fullName(record) + " " + pairedParams(record, settings), BenchmarkRecord.wallForks(node));
        }
        return forks;
    }

    private static Map<String, String> pairedParams(BenchmarkRecord record, CompareSettings settings) {
        Map<String, String> params = new TreeMap<>(record.params());
        params.keySet().removeAll(settings.ignoredParams());
        return params;
    }

    static String fullName(BenchmarkRecord record) {
        return record.className() + "." + record.method();
    }
}
