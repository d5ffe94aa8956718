package dev.gorunbench.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GoVersionTest {
    @Test
    void parsesReleaseLine() {
        GoVersion version = GoVersion.parse("go version go1.26.8 linux/amd64").orElseThrow();
        assertEquals(1, version.major());
        assertEquals(26, version.minor());
        assertEquals(8, version.patch());
    }

    @Test
    void parsesReleaseWithoutPatch() {
        GoVersion version = GoVersion.parse("go version go1.19 linux/amd64").orElseThrow();
        assertEquals(19, version.minor());
        assertEquals(0, version.patch());
    }

    @Test
    void parsesReleaseCandidate() {
        GoVersion version = GoVersion.parse("go version go1.22rc1 darwin/arm64").orElseThrow();
        assertEquals(22, version.minor());
    }

    @Test
    void rejectsGarbage() {
        assertTrue(GoVersion.parse("hello world").isEmpty());
        assertTrue(GoVersion.parse("").isEmpty());
        assertTrue(GoVersion.parse("go version devel").isEmpty());
    }

    @Test
    void ordersByMinorThenPatch() {
        GoVersion older = GoVersion.parse("go version go1.19.13 linux/amd64").orElseThrow();
        GoVersion newer = GoVersion.parse("go version go1.26.1 linux/amd64").orElseThrow();
        assertTrue(older.compareTo(newer) < 0);
        assertTrue(newer.atLeast(1, 24));
        assertTrue(!older.atLeast(1, 24));
    }
}
