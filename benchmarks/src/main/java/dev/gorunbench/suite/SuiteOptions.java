package dev.gorunbench.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Settings of one suite run, as given on the command line or with {@code -Dbench.*} to Maven.
 *
 * @param profile how many samples to take
 * @param include a regular expression matched against benchmark names, as in JMH's own include
 * @param go the go executable or GOROOT; blank means {@code go} on PATH
 * @param keepWork keep the work directory after the run and print where it is
 * @param tempLocations extra temp roots for the temp-directory benchmarks
 * @param timeout the watchdog timeout of each command
 * @param root the gorunbench checkout (fixtures/ and results/ are under it)
 * @param workRoot where the work directory is created
 * @param baselineUpdate write this run as the baseline of its environment
 * @param baselineLabel the user label that is part of the baseline's environment key
 * @param forks JMH forks per benchmark in place of the profile's count; 0 keeps the profile's
 * @param iterations measured samples per fork in place of the profile's count; 0 keeps the profile's
 */
public record SuiteOptions(Profile profile, String include, String go, boolean keepWork, List<Path> tempLocations,
        Duration timeout, Path root, Path workRoot, boolean baselineUpdate, String baselineLabel, int forks,
        int iterations) {

    public SuiteOptions {
        if (forks < 0 || iterations < 0) {
            throw new IllegalArgumentException("forks " + forks + " and iterations " + iterations
                    + " must not be negative: use 0 to keep the profile's counts.");
        }
        try {
            java.util.regex.Pattern.compile(include);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("--include=" + include + " is not a valid regular expression ("
                    + e.getDescription() + "); escape special characters such as ( with a backslash.");
        }
    }

    /** Creates the options with the profile's fork and sample counts. */
    public SuiteOptions(Profile profile, String include, String go, boolean keepWork, List<Path> tempLocations,
            Duration timeout, Path root, Path workRoot, boolean baselineUpdate, String baselineLabel) {
        this(profile, include, go, keepWork, tempLocations, timeout, root, workRoot, baselineUpdate, baselineLabel, 0,
                0);
    }

    public Path resultsDir() {
        return root.resolve("results");
    }

    public Path fixturesDir() {
        return root.resolve("fixtures");
    }
}
