package dev.gorunbench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gorunbench.TestTempDirs;
import dev.gorunbench.workdir.WorkDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test class (junit-platform.properties orders classes by {@code @Order}) and
 * counts what the suite left in its temp root, which Maven points at {@code target/test-tmp}: no go
 * build directory and no harness work directory made during this run may remain. .ci/run counts the same
 * after the tests and after the smoke run.
 */
@Order(Integer.MAX_VALUE)
class LeftoverTempDirsTest {
    @Test
    void noLeftovers() throws Exception {
        Path root = TestTempDirs.root();
        // Only this test run's leftovers count: a test JVM killed earlier cannot clean up after itself.
        Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.EPOCH);
        List<Path> left = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                String name = path.getFileName().toString();
                boolean counted = name.startsWith("go-build") || name.startsWith(WorkDirectory.PREFIX);
                if (counted && !Files.getLastModifiedTime(path).toInstant().isBefore(started)) {
                    left.add(path);
                }
            }
        }
        assertEquals(List.of(), left, "leftovers under " + root);
    }
}
