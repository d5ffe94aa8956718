package dev.gorunbench.report;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders {@code results/report.html}: one self-contained page (no network, no external file) with the
 * charts as inline SVG and the tables of {@code results/README.md} rendered from its Markdown. A small
 * inline script checks that every chart has a size, bars and labels, and writes the outcome into the
 * element {@code #render-status}, where the browser test reads it; a resource loaded from anywhere but
 * the page itself counts as a failure.
 */
public final class HtmlReport {
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());

    private HtmlReport() {
    }

    /** Renders the page from the runs (for the charts) and the Markdown page (for the tables). */
    public static String render(List<ResultsRun> runs, String markdown) {
        List<BarChart> charts = Charts.of(runs);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>gorunbench results</title>\n<style>\n").append(STYLE).append("</style>\n")
                .append("<script>\nwindow.reportErrors = [];\nwindow.addEventListener('error', function (event) {\n")
                .append("  window.reportErrors.push(String(event.message));\n});\n</script>\n")
                .append("</head>\n<body>\n<main>\n");
        html.append("<h1>gorunbench results</h1>\n");
        html.append("<p>Environments: ");
        for (int i = 0; i < runs.size(); i++) {
            html.append(i == 0 ? "" : "; ").append(SvgRenderer.escape(runs.get(i).label()))
                    .append(" (").append(SvgRenderer.escape(String.valueOf(runs.get(i).file().getFileName())))
                    .append(')');
        }
        html.append(". Every chart and table below is generated from the results file")
                .append(runs.size() > 1 ? "s" : "").append("; hover over a bar for its exact figures.</p>\n");

        html.append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        if (charts.isEmpty()) {
            html.append("<p>No chart: the results file has no records of the charted benchmarks.</p>\n");
        }
        for (BarChart chart : charts) {
            html.append("<figure>\n<h3>").append(SvgRenderer.escape(chart.title())).append("</h3>\n")
                    .append(SvgRenderer.render(chart)).append('\n')
                    .append("<figcaption>").append(SvgRenderer.escape(chart.caption())).append("</figcaption>\n")
                    .append("</figure>\n");
        }
        html.append("</section>\n");

        html.append("<section id=\"tables\">\n").append(markdownToHtml(withoutTitle(markdown))).append("</section>\n");
        html.append("<p id=\"render-status\" data-status=\"not-run\" data-charts=\"").append(charts.size())
                .append("\">Chart check not run: JavaScript is off.</p>\n");
        html.append("<script>\n").append(CHECK_SCRIPT).append("</script>\n");
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    static String markdownToHtml(String markdown) {
        Parser parser = Parser.builder().extensions(EXTENSIONS).build();
        return HtmlRenderer.builder().extensions(EXTENSIONS).build().render(parser.parse(markdown));
    }

    /** Drops the page's first-level heading, which the HTML page already has. */
    private static String withoutTitle(String markdown) {
        return markdown.startsWith("# ") ? markdown.substring(markdown.indexOf('\n') + 1) : markdown;
    }

    /**
     * Colours: the Okabe-Ito palette, distinguishable with the common colour-vision deficiencies and readable
     * on both the light and the dark background. Print always uses the light scheme.
     */
    private static final String STYLE = """
            :root { color-scheme: light dark; --fg: #1b1b1b; --bg: #ffffff; --muted: #5a5a5a; --grid: #d4d4d4;
              --border: #c8c8c8; --stripe: #f4f4f4; }
            @media (prefers-color-scheme: dark) {
              :root { --fg: #e8e8e8; --bg: #16181c; --muted: #a8a8a8; --grid: #3a3d44; --border: #464a52;
                --stripe: #1f2227; }
            }
            @media print {
              :root { --fg: #000000; --bg: #ffffff; --muted: #444444; --grid: #cccccc; --border: #bbbbbb;
                --stripe: #f2f2f2; }
              figure { break-inside: avoid; }
            }
            body { margin: 0; background: var(--bg); color: var(--fg);
              font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
            main { max-width: 1100px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
            figure { margin: 1.5rem 0; }
            figcaption, #render-status { color: var(--muted); font-size: 0.9em; }
            svg.chart { max-width: 100%; height: auto; color: var(--fg); font-size: 12px; }
            svg.chart text { fill: currentColor; }
            svg.chart .group { font-weight: 600; }
            svg.chart .tick, svg.chart .value { fill: var(--muted); }
            svg.chart .grid { stroke: var(--grid); stroke-width: 1; }
            svg.chart .axis { stroke: currentColor; stroke-width: 1; }
            svg.chart .reference { stroke: currentColor; stroke-width: 1.5; stroke-dasharray: 4 3; }
            svg.chart .whisker { stroke: currentColor; stroke-width: 1.2; fill: none; }
            .s0 { fill: #0072B2; } .s1 { fill: #E69F00; } .s2 { fill: #009E73; } .s3 { fill: #CC79A7; }
            .s4 { fill: #56B4E9; } .s5 { fill: #D55E00; } .s6 { fill: #F0E442; } .s7 { fill: #999999; }
            table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9em; display: block; overflow-x: auto; }
            th, td { border: 1px solid var(--border); padding: 0.25rem 0.5rem; vertical-align: top; }
            tr:nth-child(even) td { background: var(--stripe); }
            code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.92em; }
            a { color: inherit; }
            """;

    /** Checks every chart and writes "ok" or what failed into #render-status. Runs once, after the charts. */
    private static final String CHECK_SCRIPT = """
            (function () {
              var status = document.getElementById('render-status');
              var problems = [];
              var charts = document.querySelectorAll('svg.chart');
              charts.forEach(function (svg) {
                var box = svg.getBoundingClientRect();
                var labels = Array.prototype.filter.call(svg.querySelectorAll('text.label'), function (label) {
                  return label.getComputedTextLength() > 0;
                });
                if (box.width < 1 || box.height < 1) { problems.push(svg.id + ': no size'); }
                if (svg.querySelectorAll('rect.bar').length === 0) { problems.push(svg.id + ': no bars'); }
                if (labels.length === 0) { problems.push(svg.id + ': no labels rendered'); }
                if (svg.querySelectorAll('text.axis-label').length !== 1) { problems.push(svg.id + ': no axis label'); }
              });
              if (String(charts.length) !== status.getAttribute('data-charts')) {
                problems.push('expected ' + status.getAttribute('data-charts') + ' charts, found ' + charts.length);
              }
              window.reportErrors.forEach(function (message) { problems.push('script error: ' + message); });
              performance.getEntriesByType('resource').forEach(function (entry) {
                if (!/^(file|data|about):/.test(entry.name)) { problems.push('external resource: ' + entry.name); }
              });
              status.setAttribute('data-status', problems.length === 0 ? 'ok' : 'failed');
              status.textContent = problems.length === 0
                ? 'Chart check: all ' + charts.length + ' charts rendered with labels.'
                : 'Chart check failed: ' + problems.join('; ');
            })();
            """;
}
