package dev.gorunbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict logic on the fixed sample results. */
class FolkClaimsTest {
    private static Finding judge(int claim, ResultsRun run) {
        return FolkClaims.CLAIMS.get(claim - 1).judge(run);
    }

    @Test
    void warmRunDoesNotRecompile() {
        Finding finding = judge(1, ReportFixtures.linux());
        assertEquals(Verdict.DOES_NOT_HOLD, finding.verdict());
        assertTrue(finding.figure().contains("goRunWarm / goRunColdProject: hello 41%"), finding.figure());
    }

    @Test
    void builtBinaryIsMuchFaster() {
        assertEquals(Verdict.HOLDS, judge(2, ReportFixtures.linux()).verdict());
    }

    @Test
    void tmpfsNotNegligibleInSample() {
        Finding finding = judge(3, ReportFixtures.linux());
        assertEquals(Verdict.DOES_NOT_HOLD, finding.verdict());
        assertTrue(finding.figure().contains("/dev/shm"), finding.figure());
    }

    @Test
    void antivirusNotMeasurableOnLinux() {
        assertEquals(Verdict.NOT_MEASURABLE_HERE, judge(4, ReportFixtures.linux()).verdict());
    }

    @Test
    void antivirusHoldsOnWindows() {
        assertEquals(Verdict.HOLDS, judge(4, ReportFixtures.windows()).verdict());
    }

    @Test
    void antivirusOnlyOnAnotherOs() {
        List<List<Finding>> findings = VerdictTable.judge(ReportFixtures.both());
        assertEquals(Verdict.HOLDS_ONLY_ON_ANOTHER_OS, findings.get(3).get(0).verdict());
        assertEquals(Verdict.HOLDS, findings.get(3).get(1).verdict());
    }

    @Test
    void modulesNotMeasuredYet() {
        Finding finding = judge(5, ReportFixtures.linux());
        assertEquals(Verdict.NOT_MEASURED_YET, finding.verdict());
        assertTrue(finding.why().en().contains("`modDownloadCold`"), finding.why().en());
    }

    @Test
    void compileDominatesStages() {
        Finding finding = judge(7, ReportFixtures.linux());
        assertEquals(Verdict.HOLDS, finding.verdict());
        assertTrue(finding.figure().contains("c++ -O2 77%"), finding.figure());
    }

    @Test
    void processStartBelowNoticeable() {
        assertEquals(Verdict.DOES_NOT_HOLD, judge(8, ReportFixtures.linux()).verdict());
    }

    @Test
    void emptyResultsAreNotMeasuredYet() {
        ObjectNode results = ReportFixtures.linux().results().deepCopy();
        results.set("benchmarks", results.arrayNode());
        ResultsRun empty = ResultsRun.of(Path.of("empty.json"), results);
        for (FolkClaim claim : FolkClaims.CLAIMS) {
            assertEquals(Verdict.NOT_MEASURED_YET, claim.judge(empty).verdict(), "claim " + claim.number());
        }
    }

    @Test
    void failedRecordIsSkipped() {
        ObjectNode results = ReportFixtures.linux().results().deepCopy();
        for (JsonNode record : results.path("benchmarks")) {
            if (record.path("benchmark").asText().endsWith(".goRunWarm")) {
                ((ObjectNode) record.path("primaryMetric")).set("rawData", results.arrayNode().add(results.arrayNode()));
            }
        }
        ResultsRun run = ResultsRun.of(Path.of("failed.json"), results);
        assertEquals(Verdict.NOT_MEASURED_YET, judge(2, run).verdict());
    }

    @Test
    void chineseTextDiffersFromEnglish() {
        for (FolkClaim claim : FolkClaims.CLAIMS) {
            Finding finding = claim.judge(ReportFixtures.linux());
            assertFalse(finding.why().zh().equals(finding.why().en()), "claim " + claim.number());
            assertFalse(claim.claim().zh().equals(claim.claim().en()), "claim " + claim.number());
        }
    }

    @Test
    void verdictTableHasOneRowPerClaim() {
        String table = VerdictTable.render(ReportFixtures.linux(), Lang.EN);
        assertEquals(2 + FolkClaims.CLAIMS.size(), table.lines().count());
    }
}
