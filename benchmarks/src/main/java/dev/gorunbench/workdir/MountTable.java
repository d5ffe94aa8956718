package dev.gorunbench.workdir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The mounted file systems as Linux lists them in {@code /proc/self/mountinfo} (or, where that file is
 * missing, {@code /proc/mounts}): for a path, the mount it lives on with its file-system type and mount
 * options. On other systems the table is empty and callers fall back to {@code FileStore.type()}.
 */
public final class MountTable {
    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");
    private static final Path MOUNTS = Path.of("/proc/mounts");

    /**
     * One mounted file system.
     *
     * @param options the per-mount options (such as {@code noexec}) followed by the file system's own
     *     options, without duplicates
     */
    public record Mount(Path mountPoint, String fileSystem, String source, List<String> options) {
        public boolean isNoexec() {
            return options.contains("noexec");
        }
    }

    private final List<Mount> mounts;

    private MountTable(List<Mount> mounts) {
        this.mounts = List.copyOf(mounts);
    }

    /** Reads this machine's mount table; an empty table where the OS has no /proc. */
    public static MountTable read() {
        try {
            if (Files.isReadable(MOUNTINFO)) {
                return parseMountinfo(Files.readString(MOUNTINFO));
            }
            if (Files.isReadable(MOUNTS)) {
                return parseMounts(Files.readString(MOUNTS));
            }
        } catch (IOException e) {
            // An unreadable table is treated like a missing one: the caller falls back to FileStore.type().
        }
        return new MountTable(List.of());
    }

    /**
     * Parses the format of {@code /proc/PID/mountinfo}: {@code ID PARENT MAJOR:MINOR ROOT MOUNT-POINT
     * MOUNT-OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPER-OPTIONS}. Malformed lines are skipped.
     */
    public static MountTable parseMountinfo(String text) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] fields = line.trim().split(" ");
            int separator = Arrays.asList(fields).indexOf("-");
            if (separator < 6 || separator + 2 >= fields.length) {
                continue;
            }
            String superOptions = separator + 3 < fields.length ? fields[separator + 3] : "";
            mounts.add(new Mount(Path.of(unescape(fields[4])), fields[separator + 1], unescape(fields[separator + 2]),
                    mergeOptions(fields[5], superOptions)));
        }
        return new MountTable(mounts);
    }

    /** Parses the format of {@code /proc/mounts}: {@code SOURCE MOUNT-POINT FSTYPE OPTIONS DUMP PASS}. */
    public static MountTable parseMounts(String text) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length < 4) {
                continue;
            }
            mounts.add(new Mount(Path.of(unescape(fields[1])), fields[2], unescape(fields[0]), mergeOptions(fields[3], "")));
        }
        return new MountTable(mounts);
    }

    /**
     * Returns the mount that contains {@code path}: the one with the longest mount point above it, and of
     * several mounts on the same point the last, because a later mount hides the earlier ones. The path
     * should be real (symbolic links resolved), as the kernel lists real mount points.
     */
    public Optional<Mount> find(Path path) {
        Mount best = null;
        for (Mount mount : mounts) {
            if (path.startsWith(mount.mountPoint())
                    && (best == null || mount.mountPoint().getNameCount() >= best.mountPoint().getNameCount())) {
                best = mount;
            }
        }
        return Optional.ofNullable(best);
    }

    public boolean isEmpty() {
        return mounts.isEmpty();
    }

    private static List<String> mergeOptions(String mountOptions, String superOptions) {
        LinkedHashSet<String> merged = new LinkedHashSet<>();
        for (String options : new String[] {mountOptions, superOptions}) {
            for (String option : options.split(",")) {
                if (!option.isBlank()) {
                    merged.add(option);
                }
            }
        }
        return List.copyOf(merged);
    }

    /** Decodes the octal escapes the kernel writes for space, tab, newline and backslash ({@code \040}). */
    static String unescape(String field) {
        StringBuilder decoded = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                decoded.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                decoded.append(c);
            }
        }
        return decoded.toString();
    }

    private static boolean isOctal(String text, int start) {
        if (start + 3 > text.length()) {
            return false;
        }
        for (int i = start; i < start + 3; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
