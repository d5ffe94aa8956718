package dev.gorunbench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Renders a {@link BarChart} as an inline SVG element. Colours come from CSS classes ({@code s0}, {@code s1},
 * ...; text and axes use {@code currentColor}), so the page's style sheet decides light, dark and print.
 */
final class SvgRenderer {
    static final int WIDTH = 820;
    private static final int MIN_LABEL_WIDTH = 120;
    private static final int MAX_LABEL_WIDTH = 380;
    /** An estimate of the width of one character of a 12 px label, generous for proportional fonts. */
    private static final double CHARACTER_WIDTH = 6.8;
    private static final int VALUE_WIDTH = 90;
    private static final int ROW_HEIGHT = 20;
    private static final int GROUP_HEIGHT = 22;
    private static final int TOP = 10;
    private static final int AXIS_HEIGHT = 48;
    private static final int LEGEND_ROW = 20;

    private SvgRenderer() {
    }

    static String render(BarChart chart) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (BarChart.Row row : chart.rows()) {
            for (BarChart.Segment segment : row.segments()) {
                max = Math.max(max, Math.max(segment.end(), nanToZero(segment.upper())));
                if (segment.length() > 0) {
                    min = Math.min(min, segment.end());
                }
            }
        }
        if (!Double.isNaN(chart.reference())) {
            max = Math.max(max, chart.reference());
        }
        if (min == Double.MAX_VALUE) {
            min = 1;
        }
        Axis axis = chart.logScale() ? Axis.log(min, max) : Axis.linear(max);

        int longestLabel = chart.rows().stream().mapToInt(row -> row.label().length()).max().orElse(0);
        int plotLeft = (int) Math.min(MAX_LABEL_WIDTH, Math.max(MIN_LABEL_WIDTH, longestLabel * CHARACTER_WIDTH + 12));
        int plotWidth = WIDTH - plotLeft - VALUE_WIDTH;
        StringBuilder body = new StringBuilder();
        int y = TOP;
        String previousGroup = null;
        for (BarChart.Row row : chart.rows()) {
            if (!row.group().isEmpty() && !row.group().equals(previousGroup)) {
                y += 4;
                body.append(text(4, y + 14, "group", "start", row.group()));
                y += GROUP_HEIGHT - 4;
                previousGroup = row.group();
            }
            body.append(text(plotLeft - 6, y + 14, "label", "end", row.label()));
            double rowEnd = 0;
            for (BarChart.Segment segment : row.segments()) {
                double x0 = plotLeft + axis.position(segment.start()) * plotWidth;
                double x1 = plotLeft + axis.position(segment.end()) * plotWidth;
                body.append(String.format(Locale.ROOT,
                        "<rect class=\"bar s%d\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"><title>%s</title></rect>",
                        segment.series(), Math.min(x0, x1), y + 3, Math.max(Math.abs(x1 - x0), 1.0), ROW_HEIGHT - 6,
                        escape(segment.tooltip())));
                if (!Double.isNaN(segment.lower())) {
                    double lo = plotLeft + axis.position(segment.lower()) * plotWidth;
                    double hi = plotLeft + axis.position(segment.upper()) * plotWidth;
                    body.append(String.format(Locale.ROOT,
                            "<path class=\"whisker\" d=\"M%.1f %d H%.1f M%.1f %d V%d M%.1f %d V%d\"/>",
                            lo, y + ROW_HEIGHT / 2, hi, lo, y + 6, y + ROW_HEIGHT - 6, hi, y + 6, y + ROW_HEIGHT - 6));
                }
                rowEnd = Math.max(rowEnd, Math.max(Math.max(x0, x1), Double.isNaN(segment.upper()) ? 0
                        : plotLeft + axis.position(segment.upper()) * plotWidth));
            }
            body.append(text((int) Math.round(rowEnd) + 4, y + 14, "value", "start", row.valueText()));
            y += ROW_HEIGHT;
        }
        int plotBottom = y + 4;

        StringBuilder svg = new StringBuilder();
        int longestName = chart.series().stream().mapToInt(String::length).max().orElse(0);
        int legendColumns = longestName > 24 ? 2 : 4;
        int legendRows = chart.series().size() > 1 ? (chart.series().size() + legendColumns - 1) / legendColumns : 0;
        int height = plotBottom + AXIS_HEIGHT + legendRows * LEGEND_ROW;
        svg.append(String.format(Locale.ROOT,
                "<svg class=\"chart\" id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                        + "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
                escape(chart.id()), WIDTH, height, WIDTH, height, escape(chart.title())));
        for (double tick : axis.ticks()) {
            double x = plotLeft + axis.position(tick) * plotWidth;
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
                    x, TOP, x, plotBottom));
            svg.append(text((int) Math.round(x), plotBottom + 16, "tick", "middle", axis.format(tick)));
        }
        if (!Double.isNaN(chart.reference())) {
            double x = plotLeft + axis.position(chart.reference()) * plotWidth;
            svg.append(String.format(Locale.ROOT,
                    "<line class=\"reference\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>", x, TOP, x, plotBottom));
        }
        svg.append(body);
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                plotLeft, plotBottom, plotLeft + plotWidth, plotBottom));
        svg.append(text(plotLeft + plotWidth / 2, plotBottom + 36, "axis-label", "middle", chart.axisLabel()));
        if (legendRows > 0) {
            for (int i = 0; i < chart.series().size(); i++) {
                int x = 4 + (i % legendColumns) * (WIDTH / legendColumns);
                int ly = plotBottom + AXIS_HEIGHT + (i / legendColumns) * LEGEND_ROW;
                svg.append(String.format(Locale.ROOT,
                        "<rect class=\"bar s%d\" x=\"%d\" y=\"%d\" width=\"12\" height=\"12\"/>", i, x, ly - 2));
                svg.append(text(x + 18, ly + 8, "legend", "start", chart.series().get(i)));
            }
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static String text(int x, int y, String cssClass, String anchor, String content) {
        return String.format(Locale.ROOT, "<text class=\"%s\" x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>",
                cssClass, x, y, anchor, escape(content));
    }

    static String escape(String text) {
        return StringEscapeUtils.escapeXml10(text);
    }

    private static double nanToZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    /** The value axis: maps a value to a fraction of the plot width, and chooses round tick values. */
    private record Axis(boolean log, double low, double high) {
        static Axis linear(double max) {
            double step = niceStep(max <= 0 ? 1 : max / 5);
            return new Axis(false, 0, Math.ceil((max <= 0 ? 1 : max) / step) * step);
        }

        static Axis log(double min, double max) {
            double low = Math.pow(10, Math.floor(Math.log10(min)));
            double high = Math.pow(10, Math.ceil(Math.log10(Math.max(max, min * 10))));
            return new Axis(true, low, high);
        }

        double position(double value) {
            if (log) {
                double clamped = Math.max(value, low);
                return (Math.log10(clamped) - Math.log10(low)) / (Math.log10(high) - Math.log10(low));
            }
            return (value - low) / (high - low);
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            if (log) {
                for (double t = low; t <= high * 1.0001; t *= 10) {
                    ticks.add(t);
                }
            } else {
                double step = niceStep(high / 5);
                for (double t = 0; t <= high + step / 1000; t += step) {
                    ticks.add(t);
                }
            }
            return ticks;
        }

        String format(double tick) {
            if (tick >= 1 && tick == Math.rint(tick)) {
                return String.format(Locale.ROOT, "%,.0f", tick);
            }
            return String.format(Locale.ROOT, "%s", stripZeros(tick));
        }

        private static String stripZeros(double value) {
            return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros()
                    .toPlainString();
        }

        /** Returns 1, 2 or 5 times a power of ten, at least {@code rough}. */
        private static double niceStep(double rough) {
            double power = Math.pow(10, Math.floor(Math.log10(rough)));
            for (double factor : new double[] {1, 2, 5, 10}) {
                if (factor * power >= rough) {
                    return factor * power;
                }
            }
            return 10 * power;
        }
    }
}
