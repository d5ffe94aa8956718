package dev.gorunbench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The module scenarios: download into an empty module cache, a full module cache, and vendoring. */
final class ModulesSection implements ReportSection {
    static final List<String> SCENARIOS = List.of("modDownloadCold", "modCacheWarm", "modVendored");

    @Override
    public String render(ObjectNode results, List<BenchmarkRecord> records, List<String> fixtures) {
        if (records.stream().noneMatch(r -> SCENARIOS.contains(r.method()))) {
            return "";
        }
        Optional<BenchmarkRecord> warm = records.stream().filter(r -> r.method().equals("modCacheWarm")).findFirst();
        StringBuilder page = new StringBuilder();
        page.append("## Module downloads\n\n");
        page.append("`go build` of the `modules` fixture, which needs three modules written for this project (one of "
                + "many small files, one large package, one that needs another) from a module proxy on the local "
                + "file system (`GOPROXY=file:///...`), verified against the committed go.sum. Every sample starts "
                + "with the standard library in the build cache and none of the project's or the modules' "
                + "packages.\n\n");
        page.append("| scenario | median | 95% CI of median | CPU median | samples | ratio to modCacheWarm |\n");
        page.append("|---|---:|---:|---:|---:|---:|\n");
        for (String scenario : SCENARIOS) {
            records.stream().filter(r -> r.method().equals(scenario)).findFirst().ifPresent(record -> {
                SampleStats stats = record.wallStats();
                double[] cpu = record.secondary().get("cpuMs");
                String cpuMedian = cpu == null || cpu.length == 0 || SampleStats.of(cpu).median() < 0
                        ? "not reported" : CoreTable.formatMs(SampleStats.of(cpu).median()) + " ms";
                String ratio = warm.map(w -> String.format(Locale.ROOT, "%.2fx", stats.median() / w.wallStats().median()))
                        .orElse("no modCacheWarm");
                page.append("| ").append(scenario)
                        .append(" | ").append(CoreTable.formatMs(stats.median())).append(" ms")
                        .append(" | ").append(CoreTable.interval(stats))
                        .append(" | ").append(cpuMedian)
                        .append(" | ").append(stats.count())
                        .append(" | ").append(ratio)
                        .append(" |\n");
            });
        }
        page.append("\nScenarios: `modDownloadCold` empty module cache (download, verify, extract, build); "
                + "`modCacheWarm` modules already extracted; `modVendored` `go build -mod=vendor` after an untimed "
                + "`go mod vendor`, with an empty module cache and GOPROXY=off. The difference between the first two "
                + "is what fetching modules costs when the proxy is a local directory; over a network it is more.\n\n");
        page.append("Reproduce: `mvn verify -Pbench -Dbench.include=ModuleBenchmark`\n\n");
        return page.toString();
    }
}
