package dev.gorunbench.accuracy;

import dev.gorunbench.exec.ProcessRequest;

/**
 * One command measured by hyperfine and by the harness.
 *
 * @param name the benchmark it stands for, such as {@code goRunWarm}
 * @param fixture the fixture id, or "" for the exec floor
 * @param request the command: executable, arguments, directory and environment
 * @param expectedStdout what the harness checks the command printed
 * @param warmup unmeasured runs before each round's measured runs, per tool
 * @param runs measured runs per round and tool
 * @param target the largest harness/hyperfine ratio of medians the harness aims for
 */
record Subject(String name, String fixture, ProcessRequest request, String expectedStdout, int warmup, int runs,
        double target) {

    String label() {
        return fixture.isEmpty() ? name : name + " " + fixture;
    }
}
