package dev.gorunbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The verdict table on the folk-advice claims, for one results file or several side by side. */
public final class VerdictTable {
    private VerdictTable() {
    }

    /** Returns the findings of every claim for every run, applying the cross-OS rule of {@link #acrossRuns}. */
    static List<List<Finding>> judge(List<ResultsRun> runs) {
        List<List<Finding>> byClaim = new ArrayList<>();
        for (FolkClaim claim : FolkClaims.CLAIMS) {
            List<Finding> findings = runs.stream().map(claim::judge).toList();
            byClaim.add(acrossRuns(runs, findings));
        }
        return byClaim;
    }

    /**
     * Replaces a verdict of "does not hold" or "not measurable here" by "holds only on another OS" when
     * the claim holds in a run on another operating system.
     */
    static List<Finding> acrossRuns(List<ResultsRun> runs, List<Finding> findings) {
        List<Finding> result = new ArrayList<>(findings);
        for (int i = 0; i < runs.size(); i++) {
            Verdict verdict = findings.get(i).verdict();
            if (verdict != Verdict.DOES_NOT_HOLD && verdict != Verdict.NOT_MEASURABLE_HERE) {
                continue;
            }
            Optional<ResultsRun> holdsElsewhere = Optional.empty();
            for (int j = 0; j < runs.size(); j++) {
                if (findings.get(j).verdict() == Verdict.HOLDS && !runs.get(j).osName().equals(runs.get(i).osName())) {
                    holdsElsewhere = Optional.of(runs.get(j));
                    break;
                }
            }
            if (holdsElsewhere.isPresent()) {
                Finding here = findings.get(i);
                result.set(i, new Finding(Verdict.HOLDS_ONLY_ON_ANOTHER_OS, here.figure(),
                        Text.of("it holds on %s; here: ", "它在 %s 上成立；此处：").format(holdsElsewhere.get().label())
                                .withSuffix(here.why())));
            }
        }
        return result;
    }

    /** Renders the table of one run: claim, measurement, figure, verdict and why. */
    public static String render(ResultsRun run, Lang lang) {
        List<List<Finding>> findings = judge(List.of(run));
        StringBuilder table = new StringBuilder();
        table.append(lang == Lang.ZH_CN ? "| # | 说法 | 测量 | 本次测得 | 结论 | 原因 |\n"
                : "| # | claim | measurement | measured figure | verdict | why |\n");
        table.append("|---|---|---|---|---|---|\n");
        for (int i = 0; i < FolkClaims.CLAIMS.size(); i++) {
            FolkClaim claim = FolkClaims.CLAIMS.get(i);
            Finding finding = findings.get(i).get(0);
            table.append("| ").append(claim.number())
                    .append(" | ").append(cell(claim.claim().in(lang)))
                    .append(" | ").append(cell(claim.measurement().in(lang)))
                    .append(" | ").append(cell(finding.figure()))
                    .append(" | **").append(finding.verdict().label().in(lang)).append("**")
                    .append(" | ").append(cell(finding.why().in(lang)))
                    .append(" |\n");
        }
        return table.toString();
    }

    /** Renders the table of several runs, one column per environment. */
    public static String render(List<ResultsRun> runs, Lang lang) {
        List<List<Finding>> findings = judge(runs);
        StringBuilder table = new StringBuilder();
        table.append(lang == Lang.ZH_CN ? "| # | 说法 | 测量 |" : "| # | claim | measurement |");
        runs.forEach(run -> table.append(' ').append(cell(run.label())).append(" |"));
        table.append("\n|---|---|---|");
        runs.forEach(run -> table.append("---|"));
        table.append('\n');
        for (int i = 0; i < FolkClaims.CLAIMS.size(); i++) {
            FolkClaim claim = FolkClaims.CLAIMS.get(i);
            table.append("| ").append(claim.number())
                    .append(" | ").append(cell(claim.claim().in(lang)))
                    .append(" | ").append(cell(claim.measurement().in(lang))).append(" |");
            for (Finding finding : findings.get(i)) {
                table.append(" **").append(finding.verdict().label().in(lang)).append("**: ")
                        .append(cell(finding.why().in(lang)));
                if (finding.verdict() != Verdict.NOT_MEASURED_YET) {
                    table.append(lang == Lang.ZH_CN ? "；实测：" : "; measured: ").append(cell(finding.figure()));
                }
                table.append(" |");
            }
            table.append('\n');
        }
        return table.toString();
    }

    /** Returns the explanation printed under the table: how the verdicts are reached. */
    static String legend(Lang lang) {
        Text legend = Text.of("Each verdict is computed from the results file by `report.FolkClaims`: \"clearly "
                        + "slower\" means the 95%% confidence intervals of the two medians do not overlap (the "
                        + "medians decide when a benchmark has fewer than 6 samples); \"much faster\" is at least "
                        + "%s; a cost is \"significant\" from %s of a warm `go run` on, \"negligible\" up to %s, "
                        + "and starting a process is \"noticeable\" from %s on. The claims are quoted from a widely "
                        + "shared write-up on slow `go run`; its figures come from another machine.",
                "每条结论都由 `report.FolkClaims` 从结果文件计算得出：“明显更慢”指两个中位数的 95%% 置信区间不重叠"
                        + "（样本少于 6 个时直接比较中位数）；“快得多”指至少 %s；开销达到热 `go run` 的 %s 即为“显著”，"
                        + "不超过 %s 即为“可忽略”；进程启动达到 %s 即为“明显”。这些说法引自一篇广为流传的关于 `go run` "
                        + "缓慢的文章，其中的数字来自另一台机器。")
                .format(Samples.ratio(FolkClaims.MUCH_FASTER), Samples.percent(FolkClaims.SIGNIFICANT_SHARE),
                        Samples.percent(FolkClaims.NEGLIGIBLE_SHARE), Samples.percent(FolkClaims.NOTICEABLE_SHARE));
        return legend.in(lang);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
