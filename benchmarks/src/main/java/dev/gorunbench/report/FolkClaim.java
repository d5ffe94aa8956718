package dev.gorunbench.report;

import java.util.function.Function;

/**
 * One claim of the folk advice on slow {@code go run}: its text, the measurement that tests it, and the
 * code that reads that measurement from a results file and returns the verdict.
 */
public record FolkClaim(int number, Text claim, Text measurement, Function<ResultsRun, Finding> judge) {

    public Finding judge(ResultsRun run) {
        return judge.apply(run);
    }
}
