package dev.gorunbench.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One external command: the executable, its arguments one by one, the working directory, the complete
 * environment (nothing is inherited from the JVM), and a watchdog timeout.
 *
 * <p>{@code outputLog}, when set, receives the child's complete stdout and stderr; the result always
 * keeps the stdout (up to {@link ProcessRunner#MAX_STDOUT_BYTES}) and the last lines of stderr.
 */
public record ProcessRequest(
        Path executable,
        List<String> arguments,
        Path directory,
        Map<String, String> environment,
        Duration timeout,
        Path outputLog) {

    public ProcessRequest {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(timeout, "timeout");
        arguments = List.copyOf(arguments);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    /** Starts a request for {@code executable} run in {@code directory}. */
    public static Builder builder(Path executable, Path directory) {
        return new Builder(executable, directory);
    }

    /** Returns the command as one line for messages and logs: never parsed, never run through a shell. */
    public String commandLine() {
        StringBuilder line = new StringBuilder(quoteIfNeeded(executable.toString()));
        for (String argument : arguments) {
            line.append(' ').append(quoteIfNeeded(argument));
        }
        return line.toString();
    }

    private static String quoteIfNeeded(String word) {
        if (!word.isEmpty() && word.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'')) {
            return word;
        }
        return '"' + word.replace("\"", "\\\"") + '"';
    }

    /** Collects the parts of a {@link ProcessRequest}; arguments are added one by one. */
    public static final class Builder {
        private final Path executable;
        private final Path directory;
        private final List<String> arguments = new ArrayList<>();
        private Map<String, String> environment = Map.of();
        private Duration timeout = Duration.ofMinutes(10);
        private Path outputLog;

        private Builder(Path executable, Path directory) {
            this.executable = executable;
            this.directory = directory;
        }

        public Builder argument(String argument) {
            arguments.add(Objects.requireNonNull(argument, "argument"));
            return this;
        }

        public Builder arguments(List<String> more) {
            more.forEach(this::argument);
            return this;
        }

        public Builder environment(Map<String, String> complete) {
            environment = complete;
            return this;
        }

        public Builder timeout(Duration limit) {
            timeout = limit;
            return this;
        }

        public Builder outputLog(Path file) {
            outputLog = file;
            return this;
        }

        public ProcessRequest build() {
            return new ProcessRequest(executable, arguments, directory, environment, timeout, outputLog);
        }
    }
}
