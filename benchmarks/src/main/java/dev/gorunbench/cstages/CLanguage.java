package dev.gorunbench.cstages;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The two languages of the cgo fixture's native code, with the compiler driver that builds each and the
 * file extension gcc gives its preprocessed output ({@code .i} for C, {@code .ii} for C++), which tells
 * the driver to skip preprocessing when that file is compiled.
 */
public enum CLanguage {
    C("c", "gcc", "i", "-std=c11"),
    CXX("c++", "g++", "ii", "-std=c++17");

    private final String id;
    private final String driver;
    private final String preprocessedExtension;
    private final String standard;

    CLanguage(String id, String driver, String preprocessedExtension, String standard) {
        this.id = id;
        this.driver = driver;
        this.preprocessedExtension = preprocessedExtension;
        this.standard = standard;
    }

    /** Returns the value of the benchmark parameter {@code language}. */
    public String id() {
        return id;
    }

    /** Returns the compiler driver's name as found on PATH: {@code gcc} or {@code g++}. */
    public String driver() {
        return driver;
    }

    public String preprocessedExtension() {
        return preprocessedExtension;
    }

    /** Returns the {@code -std=} option every stage passes, matching the cgo fixture's CXXFLAGS for C++. */
    public String standard() {
        return standard;
    }

    /** Returns the language named {@code id}, rejecting unknown names. */
    public static CLanguage fromId(String id) {
        for (CLanguage language : values()) {
            if (language.id.equals(id)) {
                return language;
            }
        }
        throw new IllegalArgumentException("Unknown language \"" + id + "\". Valid languages: "
                + Arrays.stream(values()).map(CLanguage::id).collect(Collectors.joining(", ")) + ".");
    }
}
