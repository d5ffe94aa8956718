package dev.gorunbench.report;

import static dev.gorunbench.report.Samples.clearlyGreater;
import static dev.gorunbench.report.Samples.ms;
import static dev.gorunbench.report.Samples.percent;
import static dev.gorunbench.report.Samples.ratio;
import static dev.gorunbench.report.Samples.stats;

import dev.gorunbench.results.EnvironmentProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The eight claims of the widely shared write-up on slow {@code go run}, each with the code that judges it
 * from a results file. Every figure and verdict is computed from the records. The thresholds below are
 * the only fixed numbers, and the "why" line of each verdict states the one it used.
 */
public final class FolkClaims {
    /** A warm {@code go run} that takes at least this share of a cold-project run is taken as recompiling. */
    static final double RECOMPILE_SHARE = 0.7;
    /** "Much faster" means at least this ratio (geometric mean over the fixtures). */
    static final double MUCH_FASTER = 2.0;
    /** A cost of at least this share of a warm {@code go run} is "significant". */
    static final double SIGNIFICANT_SHARE = 0.05;
    /** A cost of at most this share of a warm {@code go run} is "negligible". */
    static final double NEGLIGIBLE_SHARE = 0.01;
    /** A module download that adds at least this share to a build with a full module cache decides the build time. */
    static final double DOWNLOAD_SHARE = 0.2;
    /** Starting an executable is "noticeable" from this share of a warm {@code go run} on. */
    static final double NOTICEABLE_SHARE = 0.1;

    static final List<String> C_STAGES = List.of("preprocess", "compile", "assemble", "link");

    public static final List<FolkClaim> CLAIMS = List.of(
            new FolkClaim(1,
                    Text.of("`go run` recompiles on every run, so it is always slower than running a built binary.",
                            "`go run` 每次运行都会重新编译，因此总是比直接运行已构建的二进制文件慢。"),
                    Text.of("`goRunWarm` against `execBinary` and `goRunColdProject`, per fixture",
                            "每个 fixture 的 `goRunWarm` 对比 `execBinary` 与 `goRunColdProject`"),
                    FolkClaims::recompilesEveryRun),
            new FolkClaim(2,
                    Text.of("Building once with `go build` and executing the binary is much faster than repeated `go run`.",
                            "先用 `go build` 构建一次再直接执行二进制文件，比反复 `go run` 快得多。"),
                    Text.of("`goRunWarm` / `execBinary`, per fixture", "每个 fixture 的 `goRunWarm` / `execBinary`"),
                    FolkClaims::buildOnceIsFaster),
            new FolkClaim(3,
                    Text.of("Creating and deleting the temp work directory is a significant cost, and a tmpfs temp "
                            + "directory makes it negligible (write-up: 0.12 ms to create, 8.7 ms to delete 100 files, "
                            + "0.03 ms on tmpfs).",
                            "创建和删除临时工作目录的开销很大，而把临时目录放在 tmpfs 上可使其忽略不计（原文：创建 "
                            + "0.12 ms，删除含 100 个文件的目录 8.7 ms，tmpfs 上 0.03 ms）。"),
                    Text.of("`tempDirCreate` + `tempTreeDelete` (files=100) per location, against `goRunWarm`",
                            "各位置的 `tempDirCreate` + `tempTreeDelete`（files=100），对比 `goRunWarm`"),
                    FolkClaims::tempDirectoryCost),
            new FolkClaim(4,
                    Text.of("Antivirus scanning of the freshly written executable delays start-up (Windows).",
                            "杀毒软件扫描新写入的可执行文件会拖慢启动（Windows）。"),
                    Text.of("`freshExecutable` - `reusedExecutable`", "`freshExecutable` - `reusedExecutable`"),
                    FolkClaims::antivirusPenalty),
            new FolkClaim(5,
                    Text.of("Module settings (module mode, proxy) decide whether every run downloads dependencies again.",
                            "模块设置（模块模式、代理）决定每次运行是否重新下载依赖。"),
                    Text.of("`modDownloadCold` against `modCacheWarm`", "`modDownloadCold` 对比 `modCacheWarm`"),
                    FolkClaims::moduleDownloads),
            new FolkClaim(6,
                    Text.of("The build cache makes a second build much faster than the first (write-up: first build "
                            + "86 s, incremental 32 s without a cache, 11 s with one).",
                            "构建缓存使第二次构建比第一次快得多（原文：首次构建 86 s，无缓存增量构建 32 s，有缓存 11 s）。"),
                    Text.of("`goRunCold` (empty GOCACHE) / `goRunIncremental`, per fixture",
                            "每个 fixture 的 `goRunCold`（空 GOCACHE）/ `goRunIncremental`"),
                    FolkClaims::buildCache),
            new FolkClaim(7,
                    Text.of("In a C/C++ build, compilation dominates preprocessing, assembly and linking (write-up: "
                            + "0.8 s, 3.2 s, 0.3 s, 1.5 s for a medium project).",
                            "在 C/C++ 构建中，编译阶段的耗时远超预处理、汇编和链接（原文：中等项目分别为 0.8 s、3.2 s、"
                            + "0.3 s、1.5 s）。"),
                    Text.of("C stage benchmarks: `preprocess`, `compile`, `assemble`, `link` per language and optimization level",
                            "C 阶段基准：各语言与优化级别的 `preprocess`、`compile`、`assemble`、`link`"),
                    FolkClaims::compileDominates),
            new FolkClaim(8,
                    Text.of("Loading and starting an executable (execve, mapping segments) is a noticeable part of start-up.",
                            "加载并启动可执行文件（execve、映射段）在启动时间中占明显比例。"),
                    Text.of("`execBinary` / `goRunWarm` of the smallest fixture", "最小 fixture 的 `execBinary` / `goRunWarm`"),
                    FolkClaims::processStart));

    private FolkClaims() {
    }

    static Finding recompilesEveryRun(ResultsRun run) {
        List<String> fixtures = fixturesWith(run, "goRunWarm", "execBinary", "goRunColdProject");
        if (fixtures.isEmpty()) {
            return Finding.notMeasuredYet("`goRunWarm`, `goRunColdProject`, `execBinary`");
        }
        StringJoiner slower = new StringJoiner(", ", "goRunWarm / execBinary: ", "");
        StringJoiner share = new StringJoiner(", ", "goRunWarm / goRunColdProject: ", "");
        List<String> notSlower = new ArrayList<>();
        double maxShare = 0;
        for (String fixture : fixtures) {
            SampleStats warm = stats(run.find("goRunWarm", fixture)).orElseThrow();
            SampleStats exec = stats(run.find("execBinary", fixture)).orElseThrow();
            SampleStats coldProject = stats(run.find("goRunColdProject", fixture)).orElseThrow();
            slower.add(fixture + " " + ratio(warm.median() / exec.median()));
            share.add(fixture + " " + percent(warm.median() / coldProject.median()));
            maxShare = Math.max(maxShare, warm.median() / coldProject.median());
            if (!clearlyGreater(warm, exec)) {
                notSlower.add(fixture);
            }
        }
        String figure = slower + "; " + share;
        if (!notSlower.isEmpty()) {
            return new Finding(Verdict.DOES_NOT_HOLD, figure,
                    Text.of("a warm `go run` was not clearly slower than the built binary on %s",
                            "在 %s 上，热 `go run` 并不明显慢于已构建的二进制文件").format(String.join(", ", notSlower)));
        }
        if (maxShare >= RECOMPILE_SHARE) {
            return new Finding(Verdict.HOLDS, figure,
                    Text.of("a warm `go run` takes up to %s of a cold-project build (threshold %s), so it rebuilds, "
                            + "and it is slower than the binary on every fixture",
                            "热 `go run` 的耗时最高达冷项目构建的 %s（阈值 %s），说明它在重新构建，且在所有 fixture 上都慢于二进制文件")
                            .format(percent(maxShare), percent(RECOMPILE_SHARE)));
        }
        return new Finding(Verdict.DOES_NOT_HOLD, figure,
                Text.of("`go run` is slower than the binary, but a warm run takes at most %s of a cold-project build "
                        + "(a rebuild would take %s or more): it reuses cached packages instead of recompiling",
                        "`go run` 确实慢于二进制文件，但热运行最多只占冷项目构建的 %s（重新编译应达到 %s 以上）："
                        + "它复用了缓存的包，并没有重新编译")
                        .format(percent(maxShare), percent(RECOMPILE_SHARE)));
    }

    static Finding buildOnceIsFaster(ResultsRun run) {
        List<String> fixtures = fixturesWith(run, "goRunWarm", "execBinary");
        if (fixtures.isEmpty()) {
            return Finding.notMeasuredYet("`goRunWarm`, `execBinary`");
        }
        StringJoiner ratios = new StringJoiner(", ", "goRunWarm / execBinary: ", "");
        double logSum = 0;
        double minSaving = Double.MAX_VALUE;
        double maxSaving = -Double.MAX_VALUE;
        for (String fixture : fixtures) {
            SampleStats warm = stats(run.find("goRunWarm", fixture)).orElseThrow();
            SampleStats exec = stats(run.find("execBinary", fixture)).orElseThrow();
            double r = warm.median() / exec.median();
            ratios.add(fixture + " " + ratio(r));
            logSum += Math.log(r);
            minSaving = Math.min(minSaving, warm.median() - exec.median());
            maxSaving = Math.max(maxSaving, warm.median() - exec.median());
        }
        double geometricMean = Math.exp(logSum / fixtures.size());
        String figure = ratios + "; geometric mean " + ratio(geometricMean);
        String savings = ms(minSaving) + (fixtures.size() > 1 ? " - " + ms(maxSaving) : "");
        if (geometricMean >= MUCH_FASTER) {
            return new Finding(Verdict.HOLDS, figure,
                    Text.of("the built binary saves %s per run; the geometric mean of the ratios reaches %s or more",
                            "已构建的二进制文件每次运行节省 %s；各比值的几何平均达到 %s 或以上").format(savings, ratio(MUCH_FASTER)));
        }
        return new Finding(Verdict.DOES_NOT_HOLD, figure,
                Text.of("the built binary saves %s per run, but the geometric mean of the ratios stays below %s",
                        "已构建的二进制文件每次运行节省 %s，但各比值的几何平均低于 %s").format(savings, ratio(MUCH_FASTER)));
    }

    static Finding tempDirectoryCost(ResultsRun run) {
        Optional<String> disk = TempLocations.disk(run);
        Optional<String> reference = run.fixtures().stream().filter(f -> stats(run.find("goRunWarm", f)).isPresent())
                .findFirst();
        if (disk.isEmpty() || reference.isEmpty() || createAndDelete(run, disk.get()).isEmpty()) {
            return Finding.notMeasuredYet("`tempDirCreate`, `tempTreeDelete` (files=100), `goRunWarm`");
        }

        double warm = stats(run.find("goRunWarm", reference.get())).orElseThrow().median();
        double diskCost = createAndDelete(run, disk.get()).orElseThrow();
        Optional<String> tmpfs = TempLocations.tmpfs(run);
        Optional<Double> tmpfsCost = tmpfs.flatMap(l -> createAndDelete(run, l));
        String figure = "create + delete(100): " + disk.get() + " " + ms(diskCost)
                + tmpfsCost.map(c -> ", " + tmpfs.get() + " " + ms(c)).orElse("")
                + "; goRunWarm (" + reference.get() + ") " + ms(warm);

        String diskShare = percent(diskCost / warm);
        if (diskCost < SIGNIFICANT_SHARE * warm) {
            return new Finding(Verdict.DOES_NOT_HOLD, figure,
                    Text.of("on %s the directory work is %s of a warm `go run`, below the %s that would make it significant",
                            "在 %s 上，目录操作只占热 `go run` 的 %s，低于判定为显著的 %s")
                            .format(disk.get(), diskShare, percent(SIGNIFICANT_SHARE)));
        }
        if (tmpfsCost.isEmpty()) {
            return new Finding(Verdict.NOT_MEASURABLE_HERE, figure,
                    Text.of("the directory work is %s of a warm `go run` on %s, but no tmpfs location was measured",
                            "在 %2$s 上目录操作占热 `go run` 的 %1$s，但没有测量 tmpfs 位置").format(diskShare, disk.get()));
        }
        String tmpfsShare = percent(tmpfsCost.get() / warm);
        if (tmpfsCost.get() <= NEGLIGIBLE_SHARE * warm) {
            return new Finding(Verdict.HOLDS, figure,
                    Text.of("the directory work is %s of a warm `go run` on %s and %s on tmpfs (negligible: at most %s)",
                            "目录操作在 %2$s 上占热 `go run` 的 %1$s，在 tmpfs 上占 %3$s（可忽略：不超过 %4$s）")
                            .format(diskShare, disk.get(), tmpfsShare, percent(NEGLIGIBLE_SHARE)));
        }
        return new Finding(Verdict.DOES_NOT_HOLD, figure,
                Text.of("the directory work is %s of a warm `go run` on %s, and still %s on tmpfs (negligible would be at most %s)",
                        "目录操作在 %2$s 上占热 `go run` 的 %1$s，在 tmpfs 上仍占 %3$s（可忽略应不超过 %4$s）")
                        .format(diskShare, disk.get(), tmpfsShare, percent(NEGLIGIBLE_SHARE)));
    }

    /** Returns the median time to create one directory plus the median time to delete a tree of 100 files. */
    private static Optional<Double> createAndDelete(ResultsRun run, String location) {
        Optional<SampleStats> create = stats(run.find("tempDirCreate", r -> r.param("location").equals(location)));
        Optional<SampleStats> delete = stats(run.find("tempTreeDelete",
                r -> r.param("location").equals(location) && r.param("files").equals("100")));
        if (create.isEmpty() || delete.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(create.get().median() + delete.get().median());
    }

    static Finding antivirusPenalty(ResultsRun run) {
        Optional<String> location = TempLocations.disk(run).or(() -> TempLocations.of(run).stream().findFirst());
        Optional<SampleStats> fresh = location.flatMap(l -> stats(run.find("freshExecutable",
                r -> r.param("location").equals(l))));
        Optional<SampleStats> reused = location.flatMap(l -> stats(run.find("reusedExecutable",
                r -> r.param("location").equals(l))));
        if (fresh.isEmpty() || reused.isEmpty()) {
            return Finding.notMeasuredYet("`freshExecutable`, `reusedExecutable`");
        }
        double penalty = fresh.get().median() - reused.get().median();
        String figure = "freshExecutable " + ms(fresh.get().median()) + " - reusedExecutable "
                + ms(reused.get().median()) + " = " + ms(penalty) + " (" + location.get() + ")";
        if (!run.isWindows()) {
            return new Finding(Verdict.NOT_MEASURABLE_HERE, figure,
                    Text.of("this run is on %s, where no antivirus scans new executables by default; a Windows run "
                            + "of the same benchmarks tests the claim",
                            "本次运行在 %s 上，默认没有杀毒软件扫描新的可执行文件；需要在 Windows 上运行同样的基准来检验")
                            .format(EnvironmentProbe.text(run.environment(), "os/name")));
        }
        Optional<SampleStats> warm = run.fixtures().stream().map(f -> stats(run.find("goRunWarm", f)))
                .flatMap(Optional::stream).findFirst();
        boolean significant = clearlyGreater(fresh.get(), reused.get())
                && warm.map(w -> penalty >= SIGNIFICANT_SHARE * w.median()).orElse(true);
        if (significant) {
            return new Finding(Verdict.HOLDS, figure,
                    Text.of("running a freshly written executable costs %s more than running it again, at least %s "
                            + "of a warm `go run`", "运行新写入的可执行文件比再次运行多花 %s，至少占热 `go run` 的 %s")
                            .format(ms(penalty), percent(SIGNIFICANT_SHARE)));
        }
        return new Finding(Verdict.DOES_NOT_HOLD, figure,
                Text.of("a freshly written executable starts within noise of a reused one, or the difference is "
                        + "below %s of a warm `go run`",
                        "新写入的可执行文件与复用的可执行文件启动时间差在噪声范围内，或低于热 `go run` 的 %s")
                        .format(percent(SIGNIFICANT_SHARE)));
    }

    static Finding moduleDownloads(ResultsRun run) {
        Optional<SampleStats> cold = stats(run.all("modDownloadCold").stream().findFirst());
        Optional<SampleStats> warm = stats(run.all("modCacheWarm").stream().findFirst());
        if (cold.isEmpty() || warm.isEmpty()) {
            return Finding.notMeasuredYet("`modDownloadCold`, `modCacheWarm`");
        }
        double download = cold.get().median() - warm.get().median();
        String figure = "modDownloadCold " + ms(cold.get().median()) + ", modCacheWarm " + ms(warm.get().median())
                + "; download " + ms(download);
        if (clearlyGreater(cold.get(), warm.get()) && download >= DOWNLOAD_SHARE * warm.get().median()) {
            return new Finding(Verdict.HOLDS, figure,
                    Text.of("with an empty module cache each build pays %s for downloads (%s of the build with a kept "
                            + "cache), so settings that keep GOMODCACHE or vendor the modules decide it",
                            "模块缓存为空时每次构建要为下载多花 %s（占保留缓存时构建的 %s），因此保留 GOMODCACHE 或 vendor "
                            + "模块的设置起决定作用")
                            .format(ms(download), percent(download / warm.get().median())));
        }
        return new Finding(Verdict.DOES_NOT_HOLD, figure,
                Text.of("downloading into an empty module cache adds less than %s to a build with a kept cache",
                        "向空模块缓存下载使构建增加的时间不到保留缓存时的 %s").format(percent(DOWNLOAD_SHARE)));
    }

    static Finding buildCache(ResultsRun run) {
        List<String> fixtures = fixturesWith(run, "goRunCold", "goRunIncremental");
        if (fixtures.isEmpty()) {
            return Finding.notMeasuredYet("`goRunCold`, `goRunIncremental`");
        }
        StringJoiner ratios = new StringJoiner(", ", "goRunCold / goRunIncremental: ", "");
        double minRatio = Double.MAX_VALUE;
        for (String fixture : fixtures) {
            SampleStats cold = stats(run.find("goRunCold", fixture)).orElseThrow();
            SampleStats incremental = stats(run.find("goRunIncremental", fixture)).orElseThrow();
            double r = cold.median() / incremental.median();
            ratios.add(fixture + " " + ratio(r));
            minRatio = Math.min(minRatio, r);
        }
        Text noCache = Text.of("; an incremental build without any cache is not measurable: the go command has "
                + "required GOCACHE since Go 1.12", "；无缓存的增量构建无法测量：自 Go 1.12 起 go 命令必须使用 GOCACHE");
        if (minRatio >= MUCH_FASTER) {
            return new Finding(Verdict.HOLDS, ratios.toString(),
                    Text.of("with the cache, a build after a one-file edit is at least %s faster than one with an "
                            + "empty cache", "有缓存时，修改一个文件后的构建至少比空缓存构建快 %s")
                            .format(ratio(minRatio)).withSuffix(noCache));
        }
        return new Finding(Verdict.DOES_NOT_HOLD, ratios.toString(),
                Text.of("on some fixture the build after a one-file edit is less than %s faster than with an empty cache",
                        "在某些 fixture 上，修改一个文件后的构建比空缓存构建快不到 %s")
                        .format(ratio(MUCH_FASTER)).withSuffix(noCache));
    }

    static Finding compileDominates(ResultsRun run) {
        List<StageGroup> groups = StageGroup.of(run);
        if (groups.isEmpty()) {
            return Finding.notMeasuredYet("`preprocess`, `compile`, `assemble`, `link` (C stages)");
        }
        StringJoiner shares = new StringJoiner(", ", "compile / stage sum: ", "");
        List<String> notDominant = new ArrayList<>();
        for (StageGroup group : groups) {
            shares.add(group.label() + " " + percent(group.median("compile") / group.stageSum()));
            String largest = group.largestStage();
            if (!largest.equals("compile")) {
                notDominant.add(group.label() + " (" + largest + ")");
            }
        }
        if (notDominant.isEmpty()) {
            return new Finding(Verdict.HOLDS, shares.toString(),
                    Text.of("compilation is the longest of the four stages in every language and optimization level",
                            "在所有语言和优化级别下，编译都是四个阶段中最长的"));
        }
        return new Finding(Verdict.DOES_NOT_HOLD, shares.toString(),
                Text.of("another stage is longer than compilation in %s", "在 %s 中有其他阶段比编译更长")
                        .format(String.join(", ", notDominant)));
    }

    static Finding processStart(ResultsRun run) {
        List<String> fixtures = fixturesWith(run, "execBinary", "goRunWarm");
        if (fixtures.isEmpty()) {
            return Finding.notMeasuredYet("`execBinary`, `goRunWarm`");
        }
        String fixture = fixtures.contains("hello") ? "hello" : fixtures.get(0);
        SampleStats exec = stats(run.find("execBinary", fixture)).orElseThrow();
        SampleStats warm = stats(run.find("goRunWarm", fixture)).orElseThrow();
        double share = exec.median() / warm.median();
        String figure = "execBinary " + ms(exec.median()) + " / goRunWarm " + ms(warm.median()) + " = "
                + percent(share) + " (" + fixture + ")";
        Text measuredAs = Text.of("starting and running the %s binary is %s of a warm `go run`",
                "启动并运行 %s 二进制文件占热 `go run` 的 %s").format(fixture, percent(share));
        if (share >= NOTICEABLE_SHARE) {
            return new Finding(Verdict.HOLDS, figure,
                    measuredAs.withSuffix(Text.of(", at least the %s counted as noticeable",
                            "，达到判定为明显的 %s").format(percent(NOTICEABLE_SHARE))));
        }
        return new Finding(Verdict.DOES_NOT_HOLD, figure,
                measuredAs.withSuffix(Text.of(", below the %s counted as noticeable", "，低于判定为明显的 %s")
                        .format(percent(NOTICEABLE_SHARE))));
    }

    /** Returns the run's fixtures that have samples of every one of {@code methods}. */
    private static List<String> fixturesWith(ResultsRun run, String... methods) {
        List<String> fixtures = new ArrayList<>();
        for (String fixture : run.fixtures()) {
            boolean all = true;
            for (String method : methods) {
                all &= stats(run.find(method, fixture)).isPresent();
            }
            if (all) {
                fixtures.add(fixture);
            }
        }
        return fixtures;
    }
}
