package dev.gorunbench.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The baseline directory {@code results/baselines/}: one results file per {@link EnvironmentKey}, in the
 * schema of a run with every raw sample, named by {@link EnvironmentKey#fileName()}. A baseline is only read
 * here; it is written only when the user asks for it ({@code -Dbench.baseline.update=true}), so a corrupt or
 * foreign file is never replaced behind the user's back.
 */
public final class Baselines {
    private final Path directory;

    public Baselines(Path directory) {
        this.directory = directory;
    }

    /** Returns the baseline directory of a checkout's results directory. */
    public static Baselines in(Path resultsDir) {
        return new Baselines(resultsDir.resolve("baselines"));
    }

    public Path directory() {
        return directory;
    }

    /** Returns the file of the baseline of {@code key}. */
    public Path fileFor(EnvironmentKey key) {
        return directory.resolve(key.fileName());
    }

    /** The result of looking up one environment key. */
    public sealed interface Lookup permits Found, Missing, Unusable {
        Path file();
    }

    /** A usable baseline with an equal environment key. */
    public record Found(Path file, ObjectNode results) implements Lookup {
    }

    /** No baseline for this key yet. */
    public record Missing(Path file) implements Lookup {
    }

    /** A file exists but must not be used: corrupt, of an unknown schema, or of another environment. */
    public record Unusable(Path file, String problem) implements Lookup {
    }

    /** Looks up the baseline of {@code key}. */
    public Lookup find(EnvironmentKey key) {
        Path file = fileFor(key);
        if (!Files.exists(file)) {
            return new Missing(file);
        }
        ObjectNode results;
        try {
            results = ResultsFile.read(file);
        } catch (ResultsFormatException e) {
            return new Unusable(file, e.getMessage());
        }
        EnvironmentKey stored = EnvironmentKey.of(results);
        if (!stored.equals(key)) {
            return new Unusable(file, file + ": recorded in another environment (" + stored.differences(key)
                    + "), so its timings cannot be compared with this run");
        }
        return new Found(file, results);
    }

    /**
     * Writes {@code results} as the baseline of its own environment key, replacing any file there (also a
     * corrupt one) atomically, and returns the file written.
     */
    public Path write(ObjectNode results) throws IOException {
        Path file = fileFor(EnvironmentKey.of(results));
        ResultsFile.write(file, results);
        return file;
    }
}
