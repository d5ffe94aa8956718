package dev.gorunbench.report;

import java.util.List;

/**
 * Renders {@code results/README.zh-CN.md}: the verdict table with its explanatory text in Chinese. The
 * claims, verdicts and reasons come from the same code as the English page, so the two stay in step.
 * Numbers, benchmark names and units are the same as on the English page.
 */
public final class ChineseVerdicts {
    private ChineseVerdicts() {
    }

    public static String render(List<ResultsRun> runs) {
        StringBuilder page = new StringBuilder();
        page.append("# gorunbench 结果：对流行说法的结论\n\n");
        page.append("本页由 `java -cp benchmarks/target/benchmarks.jar dev.gorunbench.Cli report");
        runs.forEach(run -> page.append(' ').append(run.file().getFileName()));
        page.append("` 生成，请勿手工编辑。测量环境：");
        for (int i = 0; i < runs.size(); i++) {
            page.append(i == 0 ? "" : "；").append(runs.get(i).label());
        }
        page.append("。完整的表格、环境信息和复现命令见英文版 [README.md](README.md)，图表见 [report.html](report.html)，"
                + "全部样本见 [samples.csv](samples.csv)。\n\n");
        page.append("## 对流行说法的结论\n\n");
        page.append(runs.size() == 1 ? VerdictTable.render(runs.get(0), Lang.ZH_CN) : VerdictTable.render(runs, Lang.ZH_CN));
        page.append('\n').append(VerdictTable.legend(Lang.ZH_CN)).append('\n');
        return page.toString();
    }
}
