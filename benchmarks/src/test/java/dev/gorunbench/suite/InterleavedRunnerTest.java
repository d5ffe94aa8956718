package dev.gorunbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.compare.Synthetic;
import dev.gorunbench.report.BenchmarkRecord;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Side settings and the merging of one-fork records; a real A/B run is left to the command line. */
class InterleavedRunnerTest {
    @Test
    void sideParsesSettings() {
        InterleavedRunner.Side side = InterleavedRunner.Side.parse("B",
                List.of("env.GOFLAGS=-toolexec=/x/y", "param.fixture=hello", "tmp=/dev/shm"));

        assertEquals("-toolexec=/x/y", side.settings().get("env.GOFLAGS"));
        assertEquals("hello", side.params().get("fixture"));
        assertTrue(side.jvmArgs().contains("-Dbench.env.GOFLAGS=-toolexec=/x/y"), side.jvmArgs().toString());
        assertTrue(side.jvmArgs().contains("-Dbench.tempRoot=/dev/shm"), side.jvmArgs().toString());
    }

    @Test
    void sideRejectsUnknownKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InterleavedRunner.Side.parse("A", List.of("gocache=/tmp")));

        assertTrue(e.getMessage().contains("Unknown A/B setting \"gocache\""), e.getMessage());
    }

    @Test
    void sideRejectsMissingValue() {
        assertThrows(IllegalArgumentException.class, () -> InterleavedRunner.Side.parse("A", List.of("env.GOFLAGS")));
    }

    @Test
    void variedParamsAreIgnoredInPairing() {
        InterleavedRunner.Side a = InterleavedRunner.Side.parse("A", List.of("param.fixture=hello", "env.X=1"));
        InterleavedRunner.Side b = InterleavedRunner.Side.parse("B", List.of("param.fixture=multipkg", "env.X=1"));

        assertEquals(Set.of("fixture"), InterleavedRunner.variedParams(a, b));
        assertEquals(Set.of(), InterleavedRunner.variedParams(a, a));
    }

    @Test
    void mergeKeepsEveryFork() {
        JsonNode first = Synthetic.add(Synthetic.document("default"), "GoBuildBenchmark", "goBuildWarm", "hello",
                new double[] {1, 2, 3}).path("benchmarks").get(0);
        JsonNode second = Synthetic.add(Synthetic.document("default"), "GoBuildBenchmark", "goBuildWarm", "hello",
                new double[] {4, 5}).path("benchmarks").get(0);

        JsonNode merged = InterleavedRunner.merge(List.of(first, second));

        assertEquals(2, merged.path("primaryMetric").path("rawData").size());
        assertEquals(2, merged.path("forks").asInt());
        assertEquals(3.0, merged.path("primaryMetric").path("score").asDouble(), 1e-9);
        assertEquals(5, BenchmarkRecord.of(merged).samples().length);
        assertEquals(5, BenchmarkRecord.of(merged).secondary().get("cpuMs").length);
        assertEquals(3, ((ObjectNode) first).path("primaryMetric").path("rawData").get(0).size(), "input unchanged");
    }
}
