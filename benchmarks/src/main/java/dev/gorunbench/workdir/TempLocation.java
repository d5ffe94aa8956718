package dev.gorunbench.workdir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A temp root the temp-directory benchmarks can write to, with the file system it lives on.
 *
 * <p>The value of a benchmark's {@code location} parameter names it: {@value #DEFAULT} is the JVM's
 * {@code java.io.tmpdir}, {@value #SHM} is {@code /dev/shm}, used only where it is a tmpfs, and any
 * other value is an absolute path, as given with {@code -Dbench.tmpdirs=PATH,...}.
 *
 * @param label the parameter value
 * @param path the absolute path of the temp root
 * @param fileSystem the file-system type, such as ext4, tmpfs, apfs or NTFS; "unknown" when not reported
 * @param mountPoint where that file system is mounted; "unknown" outside Linux
 * @param mountOptions the mount options, comma-separated; "unknown" outside Linux
 * @param problem why the location cannot be used at all (missing, not writable, not a tmpfs), or null
 * @param noexec whether the file system is mounted {@code noexec}, so programs written there cannot run.
 *     NOTE: known only from the Linux mount table. Elsewhere it is false, and a location that cannot run
 *     programs fails the benchmarks that run programs with the failed command's message.
 */
public record TempLocation(String label, Path path, String fileSystem, String mountPoint, String mountOptions,
        String problem, boolean noexec) {
    public static final String DEFAULT = "default";
    public static final String SHM = "shm";
    private static final String UNKNOWN = "unknown";

    /** Returns the locations a suite run measures: default, shm and each extra path, in that order. */
    public static List<TempLocation> resolveAll(List<Path> extra, MountTable mounts) {
        List<TempLocation> locations = new ArrayList<>();
        locations.add(resolve(DEFAULT, mounts));
        locations.add(resolve(SHM, mounts));
        for (Path path : extra) {
            locations.add(resolve(path.toAbsolutePath().normalize().toString(), mounts));
        }
        return locations;
    }

    /**
     * Resolves a {@code location} parameter value and checks that the location exists, is a writable
     * directory and, for {@value #SHM}, is a tmpfs.
     *
     * @throws IllegalArgumentException for a value that is neither a known label nor an absolute path
     */
    public static TempLocation resolve(String label, MountTable mounts) {
        Path path = switch (label) {
            case DEFAULT -> Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
            case SHM -> Path.of("/dev/shm");
            default -> {
                Path userPath = Path.of(label);
                if (!userPath.isAbsolute()) {
                    throw new IllegalArgumentException("Invalid temp location \"" + label + "\": use " + DEFAULT + ", "
                            + SHM + " or an absolute path, for example -Dbench.tmpdirs=/mnt/scratch.");
                }
                yield userPath.normalize();
            }
        };
        if (!Files.exists(path)) {
            return unusable(label, path, "missing: " + path + " does not exist");
        }
        if (!Files.isDirectory(path)) {
            return unusable(label, path, "not a directory: " + path);
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            return unusable(label, path, "cannot be resolved: " + e.getMessage());
        }

        Optional<MountTable.Mount> mount = mounts.find(real);
        String fileSystem = mount.map(MountTable.Mount::fileSystem).orElseGet(() -> fileStoreType(real));
        String mountPoint = mount.map(m -> m.mountPoint().toString()).orElse(UNKNOWN);
        String options = mount.map(m -> String.join(",", m.options())).orElse(UNKNOWN);
        boolean noexec = mount.map(MountTable.Mount::isNoexec).orElse(false);

        String problem = null;
        if (label.equals(SHM) && !fileSystem.equals("tmpfs")) {
            problem = "not a tmpfs: " + path + " is " + fileSystem;
        } else {
            problem = writeProblem(path);
        }
        return new TempLocation(label, path, fileSystem, mountPoint, options, problem, noexec);
    }

    /**
     * Returns why a benchmark cannot use this location, or null when it can.
     *
     * @param executes whether the benchmark runs programs written to the location
     */
    public String skipReason(boolean executes) {
        if (problem != null) {
            return problem;
        }
        if (executes && noexec) {
            return "mounted noexec: programs written to " + path + " cannot be run";
        }
        return null;
    }

    /**
     * Returns this location for a benchmark, or throws with the reason it cannot be used.
     *
     * @throws IllegalStateException naming the location, the reason and the fix
     */
    public TempLocation requireUsable(boolean executes) {
        String reason = skipReason(executes);
        if (reason != null) {
            throw new IllegalStateException("Temp location " + label + " cannot be used: " + reason + ". The suite "
                    + "runner skips such locations; with JMH directly, pass a usable one with -p location=VALUE.");
        }
        return this;
    }

    private static TempLocation unusable(String label, Path path, String problem) {
        return new TempLocation(label, path, UNKNOWN, UNKNOWN, UNKNOWN, problem, false);
    }

    /** Creates and deletes a probe directory, the first thing every benchmark does in a location. */
    private static String writeProblem(Path path) {
        try {
            Path probe = Files.createTempDirectory(path, "gorunbench-probe-");
            Files.delete(probe);
            return null;
        } catch (IOException | SecurityException e) {
            return "not writable: creating a directory in " + path + " failed (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")";
        }
    }

    private static String fileStoreType(Path path) {
        try {
            return Files.getFileStore(path).type();
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
