package dev.gorunbench.results;

import dev.gorunbench.exec.ProcessRequest;
import dev.gorunbench.exec.ProcessResult;
import dev.gorunbench.exec.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Whether Microsoft Defender real-time protection was on during a run, as PowerShell's
 * {@code Get-MpComputerStatus} reports it without elevation. Real-time scanning of each newly written
 * executable is the usual explanation for a slow first run of a program on Windows, so the fresh-executable
 * numbers need this beside them.
 *
 * <p>NOTE: untested: this call has never been run on Windows. The output it expects, "True" or
 * "False", follows from RealTimeProtectionEnabled being a boolean property of Microsoft's documented
 * MSFT_MpComputerStatus class. It throws no exception: any failure becomes "unknown" with the reason.
 */
public final class DefenderStatus {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private DefenderStatus() {
    }

    /** Returns "on", "off", "unknown (REASON)", or "not applicable (not Windows)". */
    public static String probe(ProcessRunner runner) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return "not applicable (not Windows)";
        }
        try {
            String systemRoot = System.getenv().getOrDefault("SystemRoot", "C:\\Windows");
            Path powershell = Path.of(systemRoot, "System32", "WindowsPowerShell", "v1.0", "powershell.exe");
            if (!Files.isRegularFile(powershell)) {
                return "unknown (" + powershell + " not found)";
            }
            ProcessResult result = runner.run(ProcessRequest.builder(powershell, Path.of(systemRoot))
                    .argument("-NoProfile")
                    .argument("-NonInteractive")
                    .argument("-Command")
                    .argument("(Get-MpComputerStatus).RealTimeProtectionEnabled")
                    .environment(System.getenv())
                    .timeout(TIMEOUT)
                    .build());
            return interpret(result.exitCode(), result.stdout(), result.stderrTail());
        } catch (RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** Maps PowerShell's output to the recorded value; separate from {@link #probe} so it can be tested anywhere. */
    static String interpret(int exitCode, String stdout, String stderr) {
        String value = stdout.strip();
        if (exitCode == 0 && value.equalsIgnoreCase("True")) {
            return "on";
        }
        if (exitCode == 0 && value.equalsIgnoreCase("False")) {
            return "off";
        }
        String reason = stderr.lines().filter(line -> !line.isBlank()).findFirst()
                .orElse(value.isEmpty() ? "no output" : "output \"" + value + "\"");
        return "unknown (Get-MpComputerStatus exited with code " + exitCode + ": " + reason.strip() + ")";
    }
}
