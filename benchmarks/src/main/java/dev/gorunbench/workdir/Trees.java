package dev.gorunbench.workdir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** Copies and deletes directory trees without ever following a symbolic link out of the tree. */
public final class Trees {
    private Trees() {
    }

    /**
     * Deletes {@code root} and everything below it. A symbolic link is deleted as a link, never followed.
     * Read-only files and directories, such as an extracted Go module cache, are made writable first.
     * A missing {@code root} is not an error.
     */
    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(root) || !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            deleteOne(root);
            return;
        }
        // walkFileTree does not follow links by default, so a link to a directory is visited as a file.
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (!Files.isWritable(dir)) {
                    dir.toFile().setWritable(true, true);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                deleteOne(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                deleteOne(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes {@code root} like {@link #deleteRecursively}, wrapping a failure as unchecked. */
    public static void deleteRecursivelyUnchecked(Path root) {
        try {
            deleteRecursively(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + root + ": " + e.getMessage(), e);
        }
    }

    /** Copies the tree at {@code source} to {@code target}, which must not exist yet. Links are copied as links. */
    public static void copy(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, target.resolve(source.relativize(file).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteOne(Path path) throws IOException {
        try {
            Files.deleteIfExists(path);
        } catch (AccessDeniedException e) {
            // On Windows a read-only file cannot be deleted; elsewhere the parent directory must be writable.
            path.toFile().setWritable(true, true);
            Path parent = path.getParent();
            if (parent != null) {
                parent.toFile().setWritable(true, true);
            }
            Files.deleteIfExists(path);
        }
    }
}
