package dev.gorunbench.gotools;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One tool call as the toolexec recorder wrote it (see {@code tools/toolexec-recorder/main.go}, which
 * defines the field names).
 *
 * @param tool the executable's file name without {@code .exe}: compile, asm, cgo, pack, link, gcc, ...
 * @param path the executable that ran
 * @param args its arguments
 * @param packagePath the package being built (the go command's TOOLEXEC_IMPORTPATH), or ""
 * @param dir the working directory of the call
 * @param parent the recorded tool this call ran under (cgo or link for the C compiler), or ""
 * @param startUnixNano wall clock just before the recorder started the tool
 * @param endUnixNano wall clock just after the tool exited
 * @param launchNanos how long starting the tool's process took
 * @param userNanos the tool's user CPU time, children included
 * @param systemNanos the tool's system CPU time, children included
 * @param exitCode the tool's exit code
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ToolCall(
        @JsonProperty("tool") String tool,
        @JsonProperty("path") String path,
        @JsonProperty("args") List<String> args,
        @JsonProperty("package") String packagePath,
        @JsonProperty("dir") String dir,
        @JsonProperty("parent") String parent,
        @JsonProperty("startUnixNano") long startUnixNano,
        @JsonProperty("endUnixNano") long endUnixNano,
        @JsonProperty("launchNanos") long launchNanos,
        @JsonProperty("userNanos") long userNanos,
        @JsonProperty("systemNanos") long systemNanos,
        @JsonProperty("exitCode") int exitCode) {

    /** Names under which the recorder stands in for a C compiler on PATH. */
    public static final Set<String> C_COMPILERS = Set.of("gcc", "g++", "cc", "c++", "clang", "clang++");

    public ToolCall {
        args = args == null ? List.of() : List.copyOf(args);
        packagePath = packagePath == null ? "" : packagePath;
        parent = parent == null ? "" : parent;
        dir = dir == null ? "" : dir;
    }

    public long wallNanos() {
        return endUnixNano - startUnixNano;
    }

    public long cpuNanos() {
        return userNanos + systemNanos;
    }

    /** Returns true when no other recorded call contains this one, so its time counts once. */
    public boolean topLevel() {
        return parent.isEmpty();
    }

    public boolean cCompiler() {
        return C_COMPILERS.contains(tool);
    }

    /**
     * Returns the row of the tool table this call belongs to.
     *
     * @param goToolDir the toolchain's GOTOOLDIR; a top-level call outside it that is no C compiler is the
     *     program that {@code go run -exec} started
     */
    public String category(Path goToolDir) {
        if (args.contains("-V=full") || args.contains("-###")) {
            // The go command asks each tool for its version to compute cache keys; these run even when warm.
            return "tool ID queries (-V=full, -###)";
        }
        if (cCompiler()) {
            if (!parent.isEmpty()) {
                return "C compiler under " + parent;
            }
            return packagePath.isEmpty() ? "C compiler feature checks" : "C compiler";
        }
        if (topLevel() && !Path.of(path).toAbsolutePath().normalize().startsWith(goToolDir)) {
            return "program";
        }
        return parent.isEmpty() ? tool : tool + " under " + parent;
    }

    /** Returns true when this call compiled or linked C or C++ code (not a version query or feature check). */
    public boolean cCompilation(Path goToolDir) {
        String category = category(goToolDir);
        return cCompiler() && !category.startsWith("tool ID") && !category.equals("C compiler feature checks");
    }
}
