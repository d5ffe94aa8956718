package dev.gorunbench.exec;

import java.nio.file.Path;

/**
 * A command that did not do what was expected: it could not start, timed out, exited non-zero or
 * printed the wrong output. The message names the command, directory, exit code and the last lines of
 * output, so a benchmark failure can be acted on without rerunning it.
 */
public class ProcessFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int TAIL_LINES = 20;

    private final String commandLine;
    private final transient Path directory;
    private final int exitCode;
    private final String outputTail;

    public ProcessFailedException(String reason, ProcessRequest request, int exitCode, String outputTail) {
        super(describe(reason, request, exitCode, outputTail));
        this.commandLine = request.commandLine();
        this.directory = request.directory();
        this.exitCode = exitCode;
        this.outputTail = outputTail;
    }

    public ProcessFailedException(String reason, ProcessRequest request, ProcessResult result) {
        this(reason, request, result.exitCode(), result.outputTail(TAIL_LINES));
    }

    public ProcessFailedException(String reason, ProcessRequest request, Throwable cause) {
        super(describe(reason, request, -1, ""), cause);
        this.commandLine = request.commandLine();
        this.directory = request.directory();
        this.exitCode = -1;
        this.outputTail = "";
    }

    private static String describe(String reason, ProcessRequest request, int exitCode, String tail) {
        StringBuilder message = new StringBuilder(reason)
                .append("\n  command: ").append(request.commandLine())
                .append("\n  directory: ").append(request.directory())
                .append("\n  exit code: ").append(exitCode == -1 ? "none" : Integer.toString(exitCode));
        if (!tail.isBlank()) {
            message.append("\n  last lines of output:\n");
            tail.lines().forEach(line -> message.append("    ").append(line).append('\n'));
        }
        return message.toString().stripTrailing();
    }

    public String commandLine() {
        return commandLine;
    }

    public Path directory() {
        return directory;
    }

    /** Returns the exit code, or -1 where the command did not start or was killed before exiting. */
    public int exitCode() {
        return exitCode;
    }

    public String outputTail() {
        return outputTail;
    }
}
