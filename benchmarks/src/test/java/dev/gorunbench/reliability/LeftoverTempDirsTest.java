package dev.gorunbench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gorunbench.TestTempDirs;
import dev.gorunbench.workdir.WorkDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test class (junit-platform.properties orders classes by {@code @Order}) and
 * counts what the suite left in its temp root, which Maven points at {@code target/test-tmp}: no go
 * build directory and no harness work directory may remain. .ci/run counts the same after the smoke run.
 */
@Order(Integer.MAX_VALUE)
class LeftoverTempDirsTest {
    @Test
    void noLeftovers() throws Exception {
        Path root = TestTempDirs.root();
        List<Path> left;
        try (Stream<Path> walk = Files.walk(root)) {
            left = walk.filter(path -> {
                String name = path.getFileName().toString();
                return name.startsWith("go-build") || name.startsWith(WorkDirectory.PREFIX);
            }).toList();
        }
        assertEquals(List.of(), left, "leftovers under " + root);
    }
}
