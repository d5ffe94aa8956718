package dev.gorunbench.report;

import java.util.List;

/**
 * A horizontal bar chart as data: rows of segments on one value axis. Plain bars have one segment per row
 * starting at 0; stacked bars have several segments end to end; a waterfall row has one segment that starts
 * where the previous part ended. Rendered to SVG by {@link SvgRenderer}.
 *
 * @param id         the element id in the HTML page
 * @param title      the heading above the chart
 * @param axisLabel  the value axis label, with its unit
 * @param logScale   whether the axis is logarithmic (for values spanning several orders of magnitude)
 * @param series     the legend: one name per colour, indexed by {@link Segment#series()}
 * @param rows       the bars, top to bottom
 * @param caption    one or two sentences under the chart saying what a bar is
 * @param reference  a value marked with a vertical line (1 for ratio charts), or NaN for none
 */
public record BarChart(String id, String title, String axisLabel, boolean logScale, List<String> series,
        List<Row> rows, String caption, double reference) {

    /** One bar: a group heading (shown when it changes from the row above), a label, and its segments. */
    public record Row(String group, String label, List<Segment> segments, String valueText) {
    }

    /**
     * One coloured part of a bar, from {@code start} to {@code start + length} on the value axis, with an
     * optional confidence interval drawn as a whisker (NaN for none) and a tooltip.
     */
    public record Segment(double start, double length, int series, double lower, double upper, String tooltip) {
        static Segment bar(double value, int series, SampleStats stats, String tooltip) {
            return new Segment(0, value, series, stats.hasInterval() ? stats.lower() : Double.NaN,
                    stats.hasInterval() ? stats.upper() : Double.NaN, tooltip);
        }

        static Segment part(double start, double length, int series, String tooltip) {
            return new Segment(start, length, series, Double.NaN, Double.NaN, tooltip);
        }

        double end() {
            return start + length;
        }
    }
}
