package dev.gorunbench.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * The one place that starts external processes. Every command goes through commons-exec with its
 * arguments added one by one (never a shell string), an explicit directory and environment, a watchdog
 * that kills the whole process tree on timeout, and output drained on pump threads so a chatty child
 * cannot block. With a {@link TimingHelper}, the helper starts the command and times it, so the JVM's cost
 * of starting a process stays out of the wall time.
 */
public final class ProcessRunner {
    /** Stdout kept in the result; fixtures print far less, so a longer stdout is cut. */
    public static final int MAX_STDOUT_BYTES = 1 << 20;
    private static final int STDERR_TAIL_BYTES = 64 * 1024;

    private final TimingHelper timingHelper;
    private final OutputHandling outputHandling;

    /** How a timed command's stdout and stderr reach the JVM. */
    public enum OutputHandling {
        /** The OS writes them to files that are read after the exit: no thread is started per command. */
        FILES,
        /** commons-exec's PumpStreamHandler copies them on two threads started per command. */
        PUMP_THREADS
    }

    /** Creates a runner whose wall times are taken by the JVM around commons-exec. */
    public ProcessRunner() {
        this(null);
    }

    /**
     * Creates a runner that starts every command with an absolute executable path under {@code timingHelper},
     * so its wall time, CPU split and peak memory come from the helper, and sends the output of those
     * commands to files; a null helper means JVM timing with pump threads.
     */
    public ProcessRunner(TimingHelper timingHelper) {
        this(timingHelper, OutputHandling.FILES);
    }

    /** Creates a runner like {@link #ProcessRunner(TimingHelper)} with the given output handling of timed commands. */
    public ProcessRunner(TimingHelper timingHelper, OutputHandling outputHandling) {
        this.timingHelper = timingHelper;
        this.outputHandling = outputHandling;
    }

    /** Returns the timing helper this runner uses, if any. */
    public Optional<TimingHelper> timingHelper() {
        return Optional.ofNullable(timingHelper);
    }

    /**
     * Runs the request and returns its result whatever the exit code.
     *
     * @throws ProcessFailedException when the command cannot start or the watchdog kills it
     */
    public ProcessResult run(ProcessRequest request) {
        if (ProcessTrees.stopping()) {
            throw new ProcessFailedException("Interrupted: not started", request,
                    new IllegalStateException("the run is being stopped"));
        }
        // A bare name is looked up on the JVM's PATH by the JDK, but on the child's PATH by the helper;
        // such commands (git, for example) are not benchmarked, so they keep the JDK's lookup.
        if (timingHelper == null || !request.executable().isAbsolute()) {
            return execute(request, request, null);
        }
        Path report;
        try {
            Files.createDirectories(timingHelper.reportDirectory());
            report = Files.createTempFile(timingHelper.reportDirectory(), "timing-", ".txt");
        } catch (IOException e) {
            throw new ProcessFailedException("The timing helper's report file could not be created in "
                    + timingHelper.reportDirectory() + ": " + e.getMessage(), request, e);
        }
        try {
            boolean files = outputHandling == OutputHandling.FILES;
            // With output in files, the runner closes the helper's stdin once commons-exec has started the
            // watchdog, its last set-up step, and the helper's clock starts then.
            ProcessResult launched = execute(timingHelper.wrap(request, report, files), request,
                    files ? timingHelper.reportDirectory() : null);
            TimingHelper.Report timing;
            try {
                timing = TimingHelper.read(report);
            } catch (IOException e) {
                throw new ProcessFailedException("The timing helper " + timingHelper.executable()
                        + " wrote no valid report (" + e.getMessage() + ")", request, launched);
            }
            if (timing.spawnFailed()) {
                throw new ProcessFailedException("Command could not be started: the timing helper reported errno "
                        + timing.spawnErrno(), request, launched);
            }
            ResourceUsage usage = new ResourceUsage(ResourceUsage.Clock.TIMING_HELPER,
                    launched.wallNanos(), timing.userNanos(), timing.systemNanos(), timing.maxRssBytes());
            return new ProcessResult(launched.exitCode(), timing.wallNanos(), timing.userNanos() + timing.systemNanos(),
                    launched.stdout(), launched.stderrTail(), usage);
        } finally {
            try {
                Files.deleteIfExists(report);
            } catch (IOException e) {
                // The report directory lies in the work directory, which is removed at the end of the run.
            }
        }
    }

    /**
     * Runs {@code launched} through commons-exec; failure messages name {@code reported}, the command asked
     * for. With an {@code outputDirectory}, the child's output goes to files ({@link FileOutput#create}) and no
     * pump thread is started; without one, pump threads drain it into bounded buffers.
     */
    private ProcessResult execute(ProcessRequest launched, ProcessRequest reported, Path outputDirectory) {
        BoundedBuffer stdout = new BoundedBuffer(MAX_STDOUT_BYTES);
        OutputTail stderr = new OutputTail(STDERR_TAIL_BYTES);
        FileOutput files = null;
        if (outputDirectory != null) {
            try {
                files = FileOutput.create(outputDirectory);
            } catch (IOException e) {
                throw new ProcessFailedException("The output files could not be created in " + outputDirectory
                        + ": " + e.getMessage(), reported, e);
            }
        }
        FileOutput.NoPumps noPumps = new FileOutput.NoPumps();
        // In file mode the child's stdin is closed only once the watchdog, the last thing commons-exec starts,
        // is running: a timing helper started with --after-stdin-eof starts its clock then.
        TreeKillingWatchdog watchdog = files == null
                ? new TreeKillingWatchdog(launched.timeout())
                : new TreeKillingWatchdog(launched.timeout(), noPumps::closeStdin);
        TrackingExecutor executor = new TrackingExecutor(files);
        executor.setWorkingDirectory(launched.directory().toFile());
        executor.setWatchdog(watchdog);
        executor.setExitValues(null);

        OutputStream log = openLog(reported);
        if (files != null) {
            executor.setStreamHandler(noPumps);
        } else {
            OutputStream out = log == null ? stdout : new CopyToLog(stdout, log);
            OutputStream err = log == null ? stderr : new CopyToLog(stderr, log);
            executor.setStreamHandler(new PumpStreamHandler(out, err));
        }

        CommandLine command = new CommandLine(launched.executable().toString());
        for (String argument : launched.arguments()) {
            command.addArgument(argument, false);
        }

        long cpuBefore = ChildCpuClock.read();
        long start = System.nanoTime();
        int exitCode;
        try {
            exitCode = executor.execute(command, launched.environment());
        } catch (ExecuteException e) {
            exitCode = e.getExitValue();
        } catch (IOException e) {
            closeQuietly(log);
            if (files != null) {
                files.delete();
            }
            throw new ProcessFailedException("Command could not be started: " + e.getMessage(), reported, e);
        }
        long wall = System.nanoTime() - start;
        long cpuAfter = ChildCpuClock.read();
        long cpu = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;

        String stdoutText;
        String stderrText;
        if (files == null) {
            closeQuietly(log);
            stdoutText = stdout.text();
            stderrText = stderr.text();
        } else {
            try {
                stdoutText = files.stdoutText(MAX_STDOUT_BYTES);
                stderrText = files.stderrTail(STDERR_TAIL_BYTES);
                if (log != null) {
                    files.copyTo(log);
                }
            } catch (IOException e) {
                throw new ProcessFailedException("The output files of the command could not be read: " + e.getMessage(),
                        reported, e);
            } finally {
                closeQuietly(log);
                files.delete();
            }
        }
        ProcessResult result = new ProcessResult(exitCode, wall, cpu, stdoutText, stderrText);
        if (watchdog.killedProcess()) {
            throw new ProcessFailedException(
                    "Command timed out after " + reported.timeout().toSeconds() + " s and its process tree was killed",
                    reported, result);
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

    /**
     * An executor that registers each started process so a JVM shutdown kills its whole tree. With output
     * files, it starts the process itself with the OS redirecting stdout and stderr into them; the
     * environment is still the complete map given, as commons-exec passes it.
     */
    private static final class TrackingExecutor extends DefaultExecutor {
        private final FileOutput files;
        private Process process;

        TrackingExecutor(FileOutput files) {
            this.files = files;
        }

        @Override
        protected Process launch(CommandLine command, Map<String, String> env, Path dir)
                throws IOException {
            if (files == null) {
                process = super.launch(command, env, dir);
            } else {
                ProcessBuilder builder = new ProcessBuilder(command.toStrings())
                        .directory(dir.toFile())
                        .redirectOutput(files.stdout().toFile())
                        .redirectError(files.stderr().toFile());
                if (env != null) {
                    builder.environment().clear();
                    builder.environment().putAll(env);
                }
                process = builder.start();
            }
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
