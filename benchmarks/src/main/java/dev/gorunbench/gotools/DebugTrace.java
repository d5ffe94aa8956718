package dev.gorunbench.gotools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The two moments of a {@code go run -debug-trace=FILE} trace the waterfall needs. The file is a JSON
 * array of Chrome trace events with {@code ts} in microseconds of the Unix epoch; the go command begins
 * and ends one event per action, named {@code Executing action (link PKG)}, {@code Executing action (go
 * run)} and so on (checked with Go 1.26).
 *
 * @param linkActionEndUnixNano the end of the link action: the linker has exited and the go command has
 *     stored its executable; empty when nothing was linked
 * @param runActionStartUnixNano the start of the action that runs the program; empty when not found
 */
public record DebugTrace(OptionalLong linkActionEndUnixNano, OptionalLong runActionStartUnixNano) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static DebugTrace read(Path file) {
        JsonNode events;
        try {
            events = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the go command's trace " + file + ": " + e.getMessage(), e);
        }
        return parse(events);
    }

    static DebugTrace parse(JsonNode events) {
        OptionalLong linkEnd = OptionalLong.empty();
        OptionalLong runStart = OptionalLong.empty();
        for (JsonNode event : events) {
            String name = event.path("name").asText();
            String phase = event.path("ph").asText();
            long unixNano = Math.round(event.path("ts").asDouble() * 1000);
            if (phase.equals("E") && name.startsWith("Executing action (link ")) {
                linkEnd = OptionalLong.of(Math.max(unixNano, linkEnd.orElse(Long.MIN_VALUE)));
            } else if (phase.equals("B") && name.startsWith("Executing action (go run") && runStart.isEmpty()) {
                runStart = OptionalLong.of(unixNano);
            }
        }
        return new DebugTrace(linkEnd, runStart);
    }
}
