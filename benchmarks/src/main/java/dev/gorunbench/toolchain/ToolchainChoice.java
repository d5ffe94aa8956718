package dev.gorunbench.toolchain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One toolchain named by {@code -Dbench.go}: a label for tables and records, and the go executable or
 * GOROOT. The value is either one path (or blank for {@code go} on PATH), which measures one toolchain
 * without a label, or a comma-separated list {@code LABEL=PATH,LABEL=PATH}, which measures each.
 *
 * <p>NOTE: a path that contains {@code =} or {@code ,} cannot be given in the list form.
 *
 * @param label the name recorded as the {@code toolchain} parameter of every record; empty for a single toolchain
 * @param path the go executable or GOROOT; empty means {@code go} on PATH
 */
public record ToolchainChoice(String label, String path) {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** Returns true when the run compares toolchains, so records carry the label. */
    public boolean labeled() {
        return !label.isEmpty();
    }

    /**
     * Parses the value of {@code -Dbench.go}.
     *
     * @throws IllegalArgumentException naming the invalid entry and the expected form
     */
    public static List<ToolchainChoice> parse(String value) {
        String trimmed = value == null ? "" : value.trim();
        if (!trimmed.contains("=")) {
            return List.of(new ToolchainChoice("", trimmed));
        }
        List<ToolchainChoice> choices = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (String entry : trimmed.split(",")) {
            int equals = entry.indexOf('=');
            String label = equals < 0 ? "" : entry.substring(0, equals).trim();
            String path = equals < 0 ? "" : entry.substring(equals + 1).trim();
            if (equals < 0 || path.isEmpty()) {
                throw new IllegalArgumentException("Invalid toolchain \"" + entry.trim() + "\" in bench.go=" + value
                        + ": each entry must be LABEL=PATH, for example go1.19=/usr/lib/go-1.19/bin/go.");
            }
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("Invalid toolchain label \"" + label + "\" in bench.go=" + value
                        + ": use letters, digits, '.', '_' and '-', starting with a letter or digit.");
            }
            if (!labels.add(label)) {
                throw new IllegalArgumentException("Toolchain label \"" + label + "\" appears twice in bench.go="
                        + value + ": give each toolchain its own label.");
            }
            choices.add(new ToolchainChoice(label, path));
        }
        return List.copyOf(choices);
    }
}
