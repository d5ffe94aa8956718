package dev.gorunbench.suite;

import java.nio.file.Path;

/** One or more benchmarks failed; the results of the others were written to {@link #resultsFile()}. */
public class SuiteFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path resultsFile;

    public SuiteFailedException(String message, Path resultsFile) {
        super(message);
        this.resultsFile = resultsFile;
    }

    public Path resultsFile() {
        return resultsFile;
    }
}
