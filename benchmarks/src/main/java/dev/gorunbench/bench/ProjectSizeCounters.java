package dev.gorunbench.bench;

import dev.gorunbench.fixture.GeneratedProject;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The size of the generated project each sample ran on, recorded as secondary metrics so that a results
 * file alone is enough to fit cost against lines of code.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class ProjectSizeCounters {
    /** Go files of the project, main.go included. */
    public double goFiles;

    /** Lines of all Go files of the project. */
    public double goLines;

    void record(GeneratedProject project) {
        goFiles = project.goFileCount();
        goLines = project.goLines();
    }
}
