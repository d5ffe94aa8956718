package dev.gorunbench.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The native timing helper ({@code benchmarks/native/timing-helper.c}): a small program that spawns the
 * command, waits for it with wait4 and writes one line with the wall time, user and system CPU time and
 * peak resident set size. Starting it costs the JVM as much as starting any process, but that cost falls
 * before the helper's clock starts and after it stops, so the wall time it reports is close to what a
 * native tool such as hyperfine measures.
 *
 * <p>The helper passes the command's stdout, stderr and exit code through unchanged; it inherits the
 * request's directory and environment and hands them on.
 *
 * @param executable the built helper
 * @param reportDirectory where the per-command report files are created and deleted again
 */
public record TimingHelper(Path executable, Path reportDirectory) {
    private static final String MAGIC = "gorunbench-timing";

    public TimingHelper {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(reportDirectory, "reportDirectory");
    }

    /**
     * Returns the request that runs {@code request} under the helper, which writes its report to {@code report}.
     * With {@code afterStdinEof} the helper starts its clock only once its stdin is closed, which the runner
     * does after commons-exec has set up the process.
     */
    ProcessRequest wrap(ProcessRequest request, Path report, boolean afterStdinEof) {
        ProcessRequest.Builder builder = ProcessRequest.builder(executable, request.directory());
        if (afterStdinEof) {
            builder.argument("--after-stdin-eof");
        }
        return builder
                .argument(report.toString())
                .argument(request.executable().toString())
                .arguments(request.arguments())
                .environment(request.environment())
                .timeout(request.timeout())
                .outputLog(request.outputLog())
                .build();
    }

    /** One report line of the helper. A negative {@code spawnErrno} means the child was started. */
    record Report(long wallNanos, long userNanos, long systemNanos, long maxRssBytes, int spawnErrno) {
        boolean spawnFailed() {
            return spawnErrno >= 0;
        }
    }

    /**
     * Reads the report the helper wrote to {@code file}.
     *
     * @throws IOException when the file is missing or does not hold a report line
     */
    static Report read(Path file) throws IOException {
        String line = Files.readString(file, StandardCharsets.US_ASCII).strip();
        String[] words = line.split(" ");
        if (words.length < 3 || !words[0].equals(MAGIC) || !words[1].equals("1")) {
            throw new IOException("not a timing report: \"" + line + "\"");
        }
        Map<String, Long> values = new HashMap<>();
        for (int i = 2; i < words.length; i++) {
            int equals = words[i].indexOf('=');
            if (equals <= 0) {
                throw new IOException("not a timing report: \"" + line + "\"");
            }
            try {
                values.put(words[i].substring(0, equals), Long.parseLong(words[i].substring(equals + 1)));
            } catch (NumberFormatException e) {
                values.put(words[i].substring(0, equals), null);
            }
        }
        if (values.containsKey("errno")) {
            return new Report(-1, -1, -1, -1, (int) value(values, "errno", line));
        }
        return new Report(
                value(values, "wall_ns", line),
                value(values, "user_us", line) * 1000,
                value(values, "sys_us", line) * 1000,
                value(values, "maxrss_kib", line) * 1024,
                -1);
    }

    private static long value(Map<String, Long> values, String key, String line) throws IOException {
        Long value = values.get(key);
        if (value == null) {
            throw new IOException("timing report without a numeric " + key + ": \"" + line + "\"");
        }
        return value;
    }
}
