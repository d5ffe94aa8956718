package dev.gorunbench.suite;

import java.io.PrintStream;
import java.time.Duration;

/** Prints which benchmark runs, n of N, the elapsed time and an estimate of the time left. */
final class Progress {
    private final PrintStream out;
    private final int total;
    private final long start = System.nanoTime();
    private int done;

    Progress(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    void starting(String label) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        String left = done == 0 ? "unknown" : format(elapsed.multipliedBy(total - done).dividedBy(done));
        out.printf("[%d/%d] %s  (elapsed %s, about %s left)%n", done + 1, total, label, format(elapsed), left);
        out.flush();
    }

    void finished(String summary) {
        done++;
        out.println("       " + summary);
        out.flush();
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
