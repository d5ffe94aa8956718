package dev.gorunbench.results;

import java.nio.file.Path;

/** A results or baseline file that cannot be used; the message names the file and what is wrong. */
public class ResultsFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ResultsFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ResultsFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
