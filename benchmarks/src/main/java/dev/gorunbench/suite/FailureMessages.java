package dev.gorunbench.suite;

import dev.gorunbench.workdir.WorkRootCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Extracts why a benchmark failed from JMH's console output. A forked benchmark's exception reaches the
 * host JVM only as text: JMH prints {@code <failure>}, the exception's message (for a failed command:
 * the command, directory, exit code and last lines of output) and its stack trace.
 */
final class FailureMessages {
    private static final int MAX_LINES = 40;

    private FailureMessages() {
    }

    /** Returns the messages of every failure printed in {@code jmhOutput}, without stack frames. */
    static String fromJmhOutput(String jmhOutput) {
        List<String> kept = new ArrayList<>();
        boolean inFailure = false;
        boolean inMessage = false;
        for (String line : jmhOutput.split("\\R")) {
            if (line.contains("<failure>")) {
                // JMH prints a blank line between <failure> and the exception, then the stack trace.
                inFailure = true;
                inMessage = false;
            } else if (inFailure && !inMessage && line.isBlank()) {
                continue;
            } else if (inFailure && (line.startsWith("\tat ") || line.isBlank())) {
                inFailure = false;
            } else if (inFailure && kept.size() < MAX_LINES) {
                inMessage = true;
                kept.add(line.replaceFirst("^[\\w.$]+(Exception|Error): ", ""));
            }
        }
        return String.join("\n", kept).strip();
    }

    /**
     * Returns the failure text from JMH's output, or the thrown exception's own message when there is none,
     * with a hint added when the output shows a full disk.
     */
    static String describe(Throwable thrown, String jmhOutput) {
        String message = describeWithoutHint(thrown, jmhOutput);
        if (message.toLowerCase(Locale.ROOT).contains("no space left on device")) {
            return message + "\nThe file system of the work directory is full. " + WorkRootCheck.FIX;
        }
        return message;
    }

    private static String describeWithoutHint(Throwable thrown, String jmhOutput) {
        String fromOutput = jmhOutput == null ? "" : fromJmhOutput(jmhOutput);
        if (!fromOutput.isEmpty()) {
            return fromOutput;
        }
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
        }
        return thrown.getClass().getName();
    }
}
