package dev.gorunbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Creates every {@code @TempDir} under {@code java.io.tmpdir}, creating that root first: Maven points it
 * at {@code target/test-tmp}, which does not exist after a clean build.
 */
public final class TestTempDirs implements TempDirFactory {
    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext extension) throws IOException {
        return Files.createTempDirectory(root(), "junit");
    }

    /** Returns the tests' temp root, created when missing. */
    public static Path root() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    }
}
