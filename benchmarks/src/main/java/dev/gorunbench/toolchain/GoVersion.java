package dev.gorunbench.toolchain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Go release number such as {@code go1.26.8}, {@code go1.19} or {@code go1.22rc1}, ordered by
 * major, minor and patch.
 */
public record GoVersion(int major, int minor, int patch, String text) implements Comparable<GoVersion> {
    /** The oldest release the harness supports: the fixtures' go.mod files declare go 1.18 at most. */
    public static final GoVersion MINIMUM = new GoVersion(1, 18, 0, "go1.18");

    private static final Pattern RELEASE = Pattern.compile("\\bgo(\\d+)\\.(\\d+)(?:\\.(\\d+))?((?:rc|beta)\\d+)?\\b");

    /**
     * Parses the output of {@code go version}, for example {@code go version go1.26.8 linux/amd64}.
     * Returns empty when no release number is found, as with garbage output.
     */
    public static Optional<GoVersion> parse(String goVersionOutput) {
        if (goVersionOutput == null || !goVersionOutput.startsWith("go version ")) {
            return Optional.empty();
        }
        Matcher matcher = RELEASE.matcher(goVersionOutput);
        if (!matcher.find()) {
            return Optional.empty();
        }
        int patch = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        return Optional.of(new GoVersion(
                Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), patch, matcher.group()));
    }

    /** Returns true when this release is {@code major.minor} or newer. */
    public boolean atLeast(int requiredMajor, int requiredMinor) {
        return major > requiredMajor || (major == requiredMajor && minor >= requiredMinor);
    }

    @Override
    public int compareTo(GoVersion other) {
        if (major != other.major) {
            return Integer.compare(major, other.major);
        }
        if (minor != other.minor) {
            return Integer.compare(minor, other.minor);
        }
        return Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return text;
    }
}
