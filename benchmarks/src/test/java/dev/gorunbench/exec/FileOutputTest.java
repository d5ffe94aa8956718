package dev.gorunbench.exec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output files' directories in shared memory, and the sweep of those left by killed processes. */
class FileOutputTest {
    @TempDir
    Path root;

    @Test
    void sweepDeletesDirectoriesOfEndedProcesses() throws Exception {
        // Linux's largest pid is 4194304, so no process runs with this one.
        Path ended = Files.createDirectories(root.resolve("gorunbench-output-99999999-123"));
        Files.writeString(ended.resolve("gorunbench-stdout-1.txt"), "left by a killed run");
        Path running = Files.createDirectories(root.resolve("gorunbench-output-" + ProcessHandle.current().pid() + "-456"));
        Path foreign = Files.createDirectories(root.resolve("gorunbench-output-notapid"));
        Path unrelated = Files.createDirectories(root.resolve("other-99999999"));

        FileOutput.deleteDirectoriesOfEndedProcesses(root);

        assertFalse(Files.exists(ended), "the directory of an ended process must be deleted");
        assertTrue(Files.isDirectory(running), "the directory of a running process must stay");
        assertTrue(Files.isDirectory(foreign), "a name without a pid must stay");
        assertTrue(Files.isDirectory(unrelated), "other names must stay");
    }

    @Test
    void filesLieInThisProcessDirectory() throws Exception {
        FileOutput output = FileOutput.create(root.resolve("work"));

        Path directory = output.stdout().getParent();
        assertTrue(Files.exists(output.stdout()));
        assertTrue(Files.exists(output.stderr()));
        if (!directory.startsWith(root)) {
            assertTrue(directory.getFileName().toString()
                    .startsWith("gorunbench-output-" + ProcessHandle.current().pid() + "-"), directory.toString());
        }
        output.delete();
        assertFalse(Files.exists(output.stdout()));
        assertFalse(Files.exists(output.stderr()));
    }
}
