package dev.gorunbench.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.commons.exec.ExecuteStreamHandler;

/**
 * A child's stdout and stderr sent straight to two files by the operating system, read back after the
 * child exited. Unlike commons-exec's PumpStreamHandler it starts no pump threads, so nothing in the JVM
 * competes for a CPU while a short command runs. The files are deleted by {@link #delete()}.
 */
final class FileOutput {
    private static final Path SHARED_MEMORY = Path.of("/dev/shm");
    private static final String DIRECTORY_PREFIX = "gorunbench-output-";
    private final Path stdout;
    private final Path stderr;

    private FileOutput(Path stdout, Path stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** This JVM's directory in {@code /dev/shm}, created on first use, or null before that. */
    private static Path sharedMemoryDirectory;

    /**
     * Creates the two files in Linux's shared-memory file system {@code /dev/shm} where it is writable, else in
     * {@code directory}: a write to a disk file system can wait for its journal while other processes load the
     * disk, and that wait would fall inside the measured interval.
     */
    static FileOutput create(Path directory) throws IOException {
        if (Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY)) {
            directory = sharedMemoryDirectory();
        }
        Files.createDirectories(directory);
        Path out = Files.createTempFile(directory, "gorunbench-stdout-", ".txt");
        try {
            return new FileOutput(out, Files.createTempFile(directory, "gorunbench-stderr-", ".txt"));
        } catch (IOException e) {
            Files.deleteIfExists(out);
            throw e;
        }
    }

    /**
     * Returns this JVM's own directory under {@code /dev/shm}, named after its process id. A shutdown hook
     * deletes it, so an interrupted run (Ctrl-C, SIGTERM) leaves nothing in memory. Directories of processes
     * that no longer run, left by a killed JVM, are deleted when the next one is created.
     */
    private static synchronized Path sharedMemoryDirectory() throws IOException {
        if (sharedMemoryDirectory == null) {
            deleteDirectoriesOfEndedProcesses(SHARED_MEMORY);
            Path created = Files.createTempDirectory(SHARED_MEMORY, DIRECTORY_PREFIX + ProcessHandle.current().pid() + "-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(created), "gorunbench-output-cleanup"));
            sharedMemoryDirectory = created;
        }
        return sharedMemoryDirectory;
    }

    /** Deletes the output directories in {@code /dev/shm} of processes that have ended, where there is one. */
    static void deleteSharedMemoryOfEndedProcesses() {
        if (Files.isDirectory(SHARED_MEMORY)) {
            deleteDirectoriesOfEndedProcesses(SHARED_MEMORY);
        }
    }

    /** Deletes the output directories under {@code root} whose process, named by the pid in their name, has ended. */
    static void deleteDirectoriesOfEndedProcesses(Path root) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, DIRECTORY_PREFIX + "*")) {
            for (Path entry : entries) {
                String rest = entry.getFileName().toString().substring(DIRECTORY_PREFIX.length());
                int dash = rest.indexOf('-');
                try {
                    long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                    if (ProcessHandle.of(pid).isEmpty()) {
                        deleteTree(entry);
                    }
                } catch (NumberFormatException e) {
                    // Not a name this class made; leave it alone.
                }
            }
        } catch (IOException e) {
            // Another user's directory, or one deleted meanwhile: it is not this run's to clean.
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Deleted already, or by another process's sweep.
        }
    }

    Path stdout() {
        return stdout;
    }

    Path stderr() {
        return stderr;
    }

    /** Returns the first {@code limit} bytes of stdout as text. */
    String stdoutText(int limit) throws IOException {
        try (InputStream in = Files.newInputStream(stdout)) {
            return new String(in.readNBytes(limit), StandardCharsets.UTF_8);
        }
    }

    /** Returns the last {@code limit} bytes of stderr as text. */
    String stderrTail(int limit) throws IOException {
        try (FileChannel channel = FileChannel.open(stderr, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, limit));
            channel.position(size - buffer.capacity());
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // Keep reading until the tail is complete.
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        }
    }

    /** Appends the complete stdout, then the complete stderr, to {@code log}: not interleaved as written. */
    void copyTo(OutputStream log) throws IOException {
        Files.copy(stdout, log);
        Files.copy(stderr, log);
    }

    void delete() {
        try {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        } catch (IOException e) {
            // Both files lie in the work directory, removed at the end of the run, or in this JVM's
            // directory under /dev/shm, removed when the JVM exits.
        }
    }

    /**
     * A stream handler for a child whose output goes to files: it starts no thread, and keeps the child's
     * stdin open until {@link #closeStdin()}, so a timing helper started with {@code --after-stdin-eof}
     * starts its clock only when the JVM is done setting the process up.
     */
    static final class NoPumps implements ExecuteStreamHandler {
        private volatile OutputStream childStdin;

        @Override
        public void setProcessInputStream(OutputStream stdin) {
            childStdin = stdin;
        }

        /** Closes the child's stdin, so it reads end of file. */
        void closeStdin() {
            OutputStream stdin = childStdin;
            if (stdin == null) {
                return;
            }
            try {
                stdin.close();
            } catch (IOException e) {
                // The child has exited already; nothing waits for end of file then.
            }
        }

        @Override
        public void setProcessErrorStream(InputStream childStderr) {
        }

        @Override
        public void setProcessOutputStream(InputStream childStdout) {
        }

        @Override
        public void start() {
        }

        @Override
        public void stop() {
            closeStdin();
        }
    }
}
