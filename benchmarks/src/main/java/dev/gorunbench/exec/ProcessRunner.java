package dev.gorunbench.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * The one place that starts external processes. Every command goes through commons-exec with its
 * arguments added one by one (never a shell string), an explicit directory and environment, a watchdog
 * that kills the whole process tree on timeout, and output drained on pump threads so a chatty child
 * cannot block.
 */
public final class ProcessRunner {
    /** Stdout kept in the result; fixtures print far less, so a longer stdout is cut. */
    public static final int MAX_STDOUT_BYTES = 1 << 20;
    private static final int STDERR_TAIL_BYTES = 64 * 1024;

    /**
     * Runs the request and returns its result whatever the exit code.
     *
     * @throws ProcessFailedException when the command cannot start or the watchdog kills it
     */
    public ProcessResult run(ProcessRequest request) {
        BoundedBuffer stdout = new BoundedBuffer(MAX_STDOUT_BYTES);
        OutputTail stderr = new OutputTail(STDERR_TAIL_BYTES);
        TreeKillingWatchdog watchdog = new TreeKillingWatchdog(request.timeout());
        TrackingExecutor executor = new TrackingExecutor();
        executor.setWorkingDirectory(request.directory().toFile());
        executor.setWatchdog(watchdog);
        executor.setExitValues(null);

        OutputStream log = openLog(request);
        OutputStream out = log == null ? stdout : new CopyToLog(stdout, log);
        OutputStream err = log == null ? stderr : new CopyToLog(stderr, log);
        executor.setStreamHandler(new PumpStreamHandler(out, err));

        CommandLine command = new CommandLine(request.executable().toString());
        for (String argument : request.arguments()) {
            command.addArgument(argument, false);
        }

        long cpuBefore = ChildCpuClock.read();
        long start = System.nanoTime();
        int exitCode;
        try {
            exitCode = executor.execute(command, request.environment());
        } catch (ExecuteException e) {
            exitCode = e.getExitValue();
        } catch (IOException e) {
            throw new ProcessFailedException("Command could not be started: " + e.getMessage(), request, e);
        } finally {
            closeQuietly(log);
        }
        long wall = System.nanoTime() - start;
        long cpuAfter = ChildCpuClock.read();
        long cpu = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;

        ProcessResult result = new ProcessResult(exitCode, wall, cpu, stdout.text(), stderr.text());
        if (watchdog.killedProcess()) {
            throw new ProcessFailedException(
                    "Command timed out after " + request.timeout().toSeconds() + " s and its process tree was killed",
                    request, result);
        }
        return result;
    }

    /**
     * Runs the request and checks that it exited with 0 and, when {@code expectedStdout} is not null,
     * printed exactly that.
     *
     * @throws ProcessFailedException naming the command, directory, exit code and last lines of output
     */
    public ProcessResult runChecked(ProcessRequest request, String expectedStdout) {
        ProcessResult result = run(request);
        if (result.exitCode() != 0) {
            throw new ProcessFailedException("Command exited with code " + result.exitCode(), request, result);
        }
        if (expectedStdout != null && !expectedStdout.equals(result.stdout())) {
            throw new ProcessFailedException(
                    "Command printed unexpected output (expected " + expectedStdout.length() + " characters starting "
                            + firstLine(expectedStdout) + ", got " + result.stdout().length() + " characters starting "
                            + firstLine(result.stdout()) + ")",
                    request, result);
        }
        return result;
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return '"' + (line.length() > 80 ? line.substring(0, 80) + "..." : line) + '"';
    }

    private static OutputStream openLog(ProcessRequest request) {
        if (request.outputLog() == null) {
            return null;
        }
        try {
            Files.createDirectories(request.outputLog().toAbsolutePath().getParent());
            return Files.newOutputStream(request.outputLog());
        } catch (IOException e) {
            throw new ProcessFailedException(
                    "Output log " + request.outputLog() + " could not be opened: " + e.getMessage(), request, e);
        }
    }

    private static void closeQuietly(OutputStream stream) {
        if (stream == null) {
            return;
        }
        try {
            stream.close();
        } catch (IOException e) {
            // The log is a convenience copy; the result keeps the output that matters.
        }
    }

    /** An executor that registers each started process so a JVM shutdown kills its whole tree. */
    private static final class TrackingExecutor extends DefaultExecutor {
        private Process process;

        @Override
        protected Process launch(CommandLine command, Map<String, String> env, java.nio.file.Path dir)
                throws IOException {
            process = super.launch(command, env, dir);
            ProcessTrees.register(process);
            return process;
        }

        @Override
        public int execute(CommandLine command, Map<String, String> environment) throws IOException {
            try {
                return super.execute(command, environment);
            } finally {
                if (process != null) {
                    ProcessTrees.unregister(process);
                }
            }
        }
    }

    /** Keeps the first {@code capacity} bytes and drops the rest. */
    private static final class BoundedBuffer extends ByteArrayOutputStream {
        private final int capacity;

        BoundedBuffer(int capacity) {
            this.capacity = capacity;
        }

        @Override
        public synchronized void write(int b) {
            if (count < capacity) {
                super.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            int room = Math.max(0, capacity - count);
            super.write(bytes, offset, Math.min(room, length));
        }

        String text() {
            return toString(StandardCharsets.UTF_8);
        }
    }

    /** Writes to a capture buffer and to the shared log file, which the runner closes once. */
    private static final class CopyToLog extends OutputStream {
        private final OutputStream capture;
        private final OutputStream log;

        CopyToLog(OutputStream capture, OutputStream log) {
            this.capture = capture;
            this.log = log;
        }

        @Override
        public void write(int b) throws IOException {
            capture.write(b);
            synchronized (log) {
                log.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            capture.write(bytes, offset, length);
            synchronized (log) {
                log.write(bytes, offset, length);
            }
        }
    }
}
