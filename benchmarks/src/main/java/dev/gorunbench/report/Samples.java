package dev.gorunbench.report;

import java.util.Locale;
import java.util.Optional;

/** Comparisons of two measurements that the verdicts and charts share. */
final class Samples {
    private Samples() {
    }

    /**
     * Returns the statistics of a record in milliseconds, or empty when it has no samples (a failed
     * benchmark) or its unit is not a time per operation.
     */
    static Optional<SampleStats> stats(Optional<BenchmarkRecord> record) {
        return record.filter(r -> r.samples().length > 0 && !Double.isNaN(r.millisPerUnit()))
                .map(BenchmarkRecord::statsMs);
    }

    /**
     * Returns whether {@code a} is larger than {@code b} beyond noise: the 95% confidence intervals of the
     * two medians do not overlap. With fewer than 6 samples there is no interval, and the medians decide.
     */
    static boolean clearlyGreater(SampleStats a, SampleStats b) {
        if (a.hasInterval() && b.hasInterval()) {
            return a.lower() > b.upper();
        }
        return a.median() > b.median();
    }

    /** Formats a median in milliseconds with its unit, for example "95.8 ms". */
    static String ms(double value) {
        return CoreTable.formatMs(value) + " ms";
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.1fx", value);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}
