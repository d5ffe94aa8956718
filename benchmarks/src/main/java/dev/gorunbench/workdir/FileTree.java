package dev.gorunbench.workdir;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Random;

/**
 * Synthetic trees shaped like the go command's work directory, and counts of what a tree holds.
 *
 * <p>The go command gives each package action its own subdirectory ({@code b001}, {@code b002}, ...)
 * under one work directory. A synthetic tree does the same with {@value #FILES_PER_DIRECTORY} files a
 * subdirectory, so 10,000 files make 100 directories and no directory grows unusually large.
 */
public final class FileTree {
    public static final int FILES_PER_DIRECTORY = 100;

    /** Files, directories (the root included) and bytes of regular files in a tree. */
    public record Usage(long files, long directories, long bytes) {
    }

    private FileTree() {
    }

    /** Returns {@code size} bytes of fixed pseudo-random content, so no file system can compress or skip it. */
    public static byte[] content(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /**
     * Creates {@code root} and writes {@code files} files of {@code content} below it, each opened with
     * create-new and closed, with no fsync, as the go command writes its work files.
     */
    public static void write(Path root, int files, byte[] content) throws IOException {
        if (files < 0) {
            throw new IllegalArgumentException("files must be 0 or more, got " + files);
        }
        Files.createDirectory(root);
        Path dir = root;
        for (int i = 0; i < files; i++) {
            if (i % FILES_PER_DIRECTORY == 0) {
                dir = Files.createDirectory(root.resolve(String.format("b%03d", i / FILES_PER_DIRECTORY + 1)));
            }
            Files.write(dir.resolve("f" + i + ".o"), content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    /** Counts the tree at {@code root} without following symbolic links; a link counts as a file of 0 bytes. */
    public static Usage measure(Path root) throws IOException {
        long[] counts = new long[3];
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                counts[1]++;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                counts[0]++;
                if (attributes.isRegularFile()) {
                    counts[2] += attributes.size();
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return new Usage(counts[0], counts[1], counts[2]);
    }
}
