package dev.gorunbench.cstages;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The classic stages of a C or C++ build, each a separate compiler-driver call fed by the previous
 * stage's output, and {@link #ONE_SHOT}, one driver call that does all four, for comparison with their sum.
 */
public enum CStage {
    /** {@code gcc -E}: source to preprocessed source. */
    PREPROCESS("preprocess"),
    /** {@code gcc -S} on preprocessed source: to assembly. */
    COMPILE("compile"),
    /** {@code gcc -c} on assembly: to object files. */
    ASSEMBLE("assemble"),
    /** The driver on object files: to an executable. */
    LINK("link"),
    /** One driver call from the sources to the executable. */
    ONE_SHOT("oneShot");

    private final String id;

    CStage(String id) {
        this.id = id;
    }

    /** Returns the value of the benchmark parameter {@code stage}. */
    public String id() {
        return id;
    }

    /** Returns the stage named {@code id}, rejecting unknown names. */
    public static CStage fromId(String id) {
        for (CStage stage : values()) {
            if (stage.id.equals(id)) {
                return stage;
            }
        }
        throw new IllegalArgumentException("Unknown stage \"" + id + "\". Valid stages: "
                + Arrays.stream(values()).map(CStage::id).collect(Collectors.joining(", ")) + ".");
    }
}
