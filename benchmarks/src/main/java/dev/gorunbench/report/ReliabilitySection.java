package dev.gorunbench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;

/**
 * The reliability table: each fault the harness handles, what the user sees, and the test that provokes
 * it for real. The content is fixed; {@code ReliabilitySectionTest} checks that every named test exists.
 */
public final class ReliabilitySection implements ReportSection {
    /** One row: the fault, what the user sees, and the test as {@code Class#method} in package reliability. */
    record Row(String fault, String userSees, String test) {
    }

    static final List<Row> ROWS = List.of(
            new Row("Go missing (path or PATH)", "exit 2, `Go was not found` with what was tried and `--go=PATH`",
                    "GoToolchainFaultTest#goMissing, GoToolchainFaultTest#goNotOnPath"),
            new Row("Go not executable", "exit 2, `not an executable file`, the path and the fix",
                    "GoToolchainFaultTest#goNotExecutable"),
            new Row("`go version` prints garbage", "exit 2, the output quoted, `not a Go version line`",
                    "GoToolchainFaultTest#goPrintsGarbage"),
            new Row("Go too old", "exit 2, the release and the minimum go1.18", "GoToolchainFaultTest#goTooOld"),
            new Row("fixture does not compile", "the benchmark fails with command, directory, exit code and the "
                    + "compiler's last lines; the others run; exit 1", "FixtureFaultTest#compileErrorIsReported, "
                    + "FixtureFaultTest#suiteRunsOnAndReportsFailures"),
            new Row("fixture prints wrong output", "failure with expected and actual first line, never a sample",
                    "FixtureFaultTest#wrongOutputIsReported"),
            new Row("fixture exits non-zero", "failure with exit code and last lines of stderr",
                    "FixtureFaultTest#nonZeroExitIsReported"),
            new Row("fixture hangs", "after `--timeout` seconds the go command and the program are killed; "
                    + "`timed out after N s`; the rest of the suite runs and is written, with `complete: false`",
                    "FixtureFaultTest#hangIsKilledWithItsTree, FixtureFaultTest#suiteRunsOnAndReportsFailures"),
            new Row("Ctrl-C or SIGTERM mid-run", "children killed, work directory removed, no results file, "
                    + "latest.json and baselines unchanged", "InterruptTest#interruptMidRun"),
            new Row("temp root noexec", "exit 2 before any go command, the mount point and `--work-root=PATH`",
                    "TempRootFaultTest#noexecRoot"),
            new Row("temp root read-only or not a directory", "exit 2, the path, the reason and `--work-root=PATH`",
                    "TempRootFaultTest#readOnlyRoot, TempRootFaultTest#rootIsAFile"),
            new Row("temp root out of space", "exit 2, free MiB and the space a run needs", "TempRootFaultTest#fullRoot"),
            new Row("results directory full", "the write fails naming the file; the old file stays; no temp file",
                    "ResultsFileFaultTest#fullDiskKeepsOldFile"),
            new Row("corrupt, truncated, empty, foreign or future results file", "`report` exits 2 naming the "
                    + "file and the problem, no stack trace", "ResultsFileFaultTest#reportRejects, "
                    + "ResultsFileFaultTest#reportRejectsMissingFile"),
            new Row("spaces and non-ASCII in project, work and Go paths", "runs as usual",
                    "ConcurrencyAndPathsTest#goRunUnderOddPaths, ConcurrencyAndPathsTest#twoRunsAtOnce"),
            new Row("two runs at the same time", "separate work directories and caches, one results file each, "
                    + "a warning that the numbers disturb each other", "ConcurrencyAndPathsTest#twoRunsAtOnce"),
            new Row("fixture name with `..`, `/` or shell metacharacters", "rejected before any path is built, "
                    + "valid names listed", "HostileInputTest#fixtureNameRejected, HostileInputTest#jmhParamOverrideRejected"),
            new Row("`--include` that is not a regular expression", "exit 2 naming `--include`",
                    "HostileInputTest#invalidIncludeRejected"),
            new Row("GOFLAGS or a go.env file injecting `-toolexec`", "no effect: every go command gets the "
                    + "harness's environment", "HostileInputTest#userGoEnvFilesIgnored"),
            new Row("GOFLAGS in the Go installation's own go.env", "exit 2 naming the flags and GOROOT/go.env",
                    "HostileInputTest#installationGoEnvRejected"),
            new Row("leftover `go-build*` or work directories", "none after the test suite (and after the smoke "
                    + "run, checked by .ci/run)", "LeftoverTempDirsTest#noLeftovers"));

    /** Returns every test the table names, as {@code Class#method}. */
    public static List<String> testNames() {
        return ROWS.stream().flatMap(row -> Arrays.stream(row.test().split(", "))).toList();
    }

    @Override
    public String render(ObjectNode results, List<BenchmarkRecord> records, List<String> fixtures) {
        StringBuilder page = new StringBuilder();
        page.append("## Reliability\n\n");
        page.append("How the harness handles bad input and faults. Each row's test, in package "
                + "`dev.gorunbench.reliability`, provokes the fault for real (real go, real files, tmpfs mounts "
                + "where the machine allows them) and runs with `mvn verify`.\n\n");
        page.append("| fault | what the user sees | test |\n|---|---|---|\n");
        for (Row row : ROWS) {
            page.append("| ").append(row.fault()).append(" | ").append(row.userSees()).append(" | ")
                    .append(row.test().replace(", ", "<br>")).append(" |\n");
        }
        page.append('\n');
        return page.toString();
    }
}
