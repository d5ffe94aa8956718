package dev.gorunbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gorunbench.TestSupport;
import dev.gorunbench.exec.ProcessRunner;
import org.junit.jupiter.api.Test;

class DefenderStatusTest {
    @Test
    void trueMeansOn() {
        assertEquals("on", DefenderStatus.interpret(0, "True\r\n", ""));
    }

    @Test
    void falseMeansOff() {
        assertEquals("off", DefenderStatus.interpret(0, "False\r\n", ""));
    }

    @Test
    void errorIsUnknownWithReason() {
        String status = DefenderStatus.interpret(1, "", "\nGet-MpComputerStatus : operation failed with 0x800106ba\n");
        assertTrue(status.startsWith("unknown ("), status);
        assertTrue(status.contains("0x800106ba"), status);
    }

    @Test
    void notApplicableOutsideWindows() {
        assumeTrue(!TestSupport.isWindows());
        assertEquals("not applicable (not Windows)", DefenderStatus.probe(new ProcessRunner()));
    }
}
