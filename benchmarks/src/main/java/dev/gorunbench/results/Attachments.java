package dev.gorunbench.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Text files a benchmark fork produces beside its samples (gcc's {@code -ftime-report}, say). Forks write
 * them into {@code attachments/} of the run's work directory; the suite runner copies them into the
 * results file's {@code attachments} object, file name to content, so the results stay one file.
 */
public final class Attachments {
    private static final String DIRECTORY = "attachments";

    private Attachments() {
    }

    /** Writes one attachment named {@code name} under {@code workDir}, replacing an earlier one. */
    public static void write(Path workDir, String name, String content) {
        if (!name.matches("[A-Za-z0-9+._-]+")) {
            throw new IllegalArgumentException("Invalid attachment name \"" + name + "\": use letters, digits, + . _ -");
        }
        Path file = workDir.resolve(DIRECTORY).resolve(name);
        try {
            AtomicFiles.write(file, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the attachment " + file + ": " + e.getMessage(), e);
        }
    }

    /** Returns the attachments written under {@code workDir}, as an object from file name to content. */
    public static ObjectNode collect(Path workDir) throws IOException {
        ObjectNode attachments = ResultsFile.JSON.createObjectNode();
        Path dir = workDir.resolve(DIRECTORY);
        if (!Files.isDirectory(dir)) {
            return attachments;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            attachments.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        }
        return attachments;
    }
}
