package dev.gorunbench.suite;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The names of one run's files in {@code results/}: {@code run-TIME.log} and {@code run-TIME.json}, with
 * TIME in UTC to the second. Two runs that start in the same second, in one process or in two, get
 * different names: the log file is created at the start with create-new semantics, and a run that finds
 * the name taken adds {@code -2}, {@code -3} and so on.
 *
 * @param log the run's log file, created empty by {@link #reserve}
 * @param results where the run's results file is written at the end
 */
record RunFiles(Path log, Path results) {
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_ATTEMPTS = 1000;

    /** Creates the log file of a run started at {@code start} under a name no other run holds. */
    static RunFiles reserve(Path resultsDir, Instant start) throws IOException {
        Files.createDirectories(resultsDir);
        String stamp = "run-" + FILE_TIME.format(start);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            String stem = attempt == 1 ? stamp : stamp + "-" + attempt;
            Path results = resultsDir.resolve(stem + ".json");
            if (Files.exists(results)) {
                continue;
            }
            try {
                Path log = Files.createFile(resultsDir.resolve(stem + ".log"));
                return new RunFiles(log, results);
            } catch (FileAlreadyExistsException e) {
                // Another run started in the same second; try the next suffix.
            }
        }
        throw new IOException("Could not create a run log in " + resultsDir + ": " + MAX_ATTEMPTS
                + " runs already started at " + stamp + ". Remove old run-*.log files.");
    }
}
