package dev.gorunbench.bench;

import dev.gorunbench.exec.ProcessRunner;
import dev.gorunbench.exec.TimingHelper;
import dev.gorunbench.toolchain.NativeBuild;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process runner of a benchmark trial: one that times each command with the native timing helper
 * when the helper is available, else one that times with the JVM.
 *
 * <p>System properties, set by the suite runner for every fork:
 * <ul>
 *   <li>{@code bench.timingHelper}: the built helper; {@code none} times with the JVM; unset (JMH run
 *       directly), the trial builds the helper itself with gcc into its own directory, or falls back to the
 *       JVM's clock when that fails.
 *   <li>{@code bench.execFloor}: the built exec floor program (see {@link ExecFloorBenchmark}).
 * </ul>
 */
final class TimingSetup {
    static final String HELPER_PROPERTY = "bench.timingHelper";
    static final String FLOOR_PROPERTY = "bench.execFloor";

    private TimingSetup() {
    }

    /** Returns the runner for the commands timed in a trial whose private directory is {@code trialDir}. */
    static ProcessRunner runner(BenchConfig config, Path trialDir) {
        String configured = System.getProperty(HELPER_PROPERTY, "").trim();
        Path reports = trialDir.resolve("timing-reports");
        if (configured.equals("none")) {
            return new ProcessRunner();
        }
        if (!configured.isEmpty()) {
            Path helper = Path.of(configured);
            if (!Files.isExecutable(helper)) {
                throw new IllegalStateException(HELPER_PROPERTY + "=" + configured + " is not an executable file. "
                        + "Pass the built timing helper, or none to time with the JVM.");
            }
            return new ProcessRunner(new TimingHelper(helper, reports));
        }
        NativeBuild.Built built = NativeBuild.timingHelper(new ProcessRunner(), config.root(), trialDir.resolve("native"));
        return built.executable()
                .map(helper -> new ProcessRunner(new TimingHelper(helper, reports)))
                .orElseGet(ProcessRunner::new);
    }
}
