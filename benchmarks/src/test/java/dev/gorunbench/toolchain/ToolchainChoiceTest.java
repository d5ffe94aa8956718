package dev.gorunbench.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing -Dbench.go: one path, or LABEL=PATH entries. */
class ToolchainChoiceTest {
    @Test
    void blankMeansPathSearch() {
        assertEquals(List.of(new ToolchainChoice("", "")), ToolchainChoice.parse(" "));
    }

    @Test
    void plainPathIsUnlabeled() {
        List<ToolchainChoice> choices = ToolchainChoice.parse("/usr/local/go");
        assertEquals(List.of(new ToolchainChoice("", "/usr/local/go")), choices);
        assertFalse(choices.get(0).labeled());
    }

    @Test
    void labeledListKeepsOrder() {
        List<ToolchainChoice> choices = ToolchainChoice.parse("go1.19=/usr/lib/go-1.19/bin/go, new=/usr/local/go");
        assertEquals(List.of(new ToolchainChoice("go1.19", "/usr/lib/go-1.19/bin/go"),
                new ToolchainChoice("new", "/usr/local/go")), choices);
        assertTrue(choices.get(1).labeled());
    }

    @Test
    void duplicateLabelIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ToolchainChoice.parse("a=/x,a=/y"));
        assertTrue(error.getMessage().contains("\"a\" appears twice"), error.getMessage());
    }

    @Test
    void entryWithoutPathIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ToolchainChoice.parse("a=/x,b="));
        assertTrue(error.getMessage().contains("LABEL=PATH"), error.getMessage());
    }

    @Test
    void invalidLabelIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ToolchainChoice.parse("go 1.19=/x"));
        assertTrue(error.getMessage().contains("\"go 1.19\""), error.getMessage());
    }
}
