package dev.gorunbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The temp locations of a run: the values of the {@code location} parameter of the temp-directory
 * benchmarks, and which of them is a tmpfs.
 */
final class TempLocations {
    private TempLocations() {
    }

    static List<String> of(ResultsRun run) {
        Set<String> locations = new LinkedHashSet<>();
        run.records().stream().map(r -> r.param("location")).filter(l -> !l.isEmpty()).forEach(locations::add);
        return new ArrayList<>(locations);
    }

    /**
     * Returns whether a location is a tmpfs: the environment records it with file system "tmpfs" (any
     * object in the environment that contains the location's value and a {@code fileSystem} or {@code type}
     * field), or, when the environment does not say, its name contains "shm" or "tmpfs".
     */
    static boolean isTmpfs(ResultsRun run, String location) {
        Optional<String> recorded = recordedFileSystem(run.environment(), location);
        if (recorded.isPresent()) {
            return recorded.get().equalsIgnoreCase("tmpfs");
        }
        String name = location.toLowerCase(Locale.ROOT);
        return name.contains("shm") || name.contains("tmpfs");
    }

    /** Returns the first location that is not a tmpfs: the reference "disk" of the comparison. */
    static Optional<String> disk(ResultsRun run) {
        return of(run).stream().filter(l -> !isTmpfs(run, l)).findFirst();
    }

    static Optional<String> tmpfs(ResultsRun run) {
        return of(run).stream().filter(l -> isTmpfs(run, l)).findFirst();
    }

    /** Returns the file-system type the environment records for {@code location}, or "" when it records none. */
    static String fileSystem(ResultsRun run, String location) {
        return recordedFileSystem(run.environment(), location).orElse("");
    }

    private static Optional<String> recordedFileSystem(JsonNode node, String location) {
        if (node.isObject()) {
            boolean names = false;
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                JsonNode value = it.next();
                if (value.isTextual() && value.asText().equals(location)) {
                    names = true;
                }
            }
            for (String field : List.of("fileSystem", "type")) {
                if (names && node.path(field).isTextual()) {
                    return Optional.of(node.path(field).asText());
                }
            }
        }
        if (node.isContainerNode()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                Optional<String> found = recordedFileSystem(it.next(), location);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
