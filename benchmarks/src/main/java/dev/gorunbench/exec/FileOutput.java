package dev.gorunbench.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.exec.ExecuteStreamHandler;

/**
 * A child's stdout and stderr sent straight to two files by the operating system, read back after the
 * child exited. Unlike commons-exec's PumpStreamHandler it starts no pump threads, so nothing in the JVM
 * competes for a CPU while a short command runs. The files are deleted by {@link #delete()}.
 */
final class FileOutput {
    private static final Path SHARED_MEMORY = Path.of("/dev/shm");
    private final Path stdout;
    private final Path stderr;

    private FileOutput(Path stdout, Path stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Creates the two files in Linux's shared-memory file system {@code /dev/shm} where it is writable, else in
     * {@code directory}: a write to a disk file system can wait for its journal while other processes load the
     * disk, and that wait would fall inside the measured interval.
     */
    static FileOutput create(Path directory) throws IOException {
        if (Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY)) {
            directory = SHARED_MEMORY;
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
            // Both files lie in the work directory, which is removed at the end of the run.
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
