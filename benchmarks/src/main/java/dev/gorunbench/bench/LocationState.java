package dev.gorunbench.bench;

import dev.gorunbench.workdir.TempLocation;
import dev.gorunbench.workdir.TempRoot;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A temp location and the trial's own directory in it. The {@code location} parameter is
 * {@value TempLocation#DEFAULT} (java.io.tmpdir), {@value TempLocation#SHM} (/dev/shm, where it is a
 * tmpfs) or an absolute path; the suite runner replaces the declared values with the usable locations of
 * the machine and the paths of {@code -Dbench.tmpdirs}.
 */
@State(Scope.Benchmark)
public class LocationState {
    @Param({TempLocation.DEFAULT, TempLocation.SHM})
    public String location;

    protected TempRoot root;

    @Setup(Level.Trial)
    public void openLocation() {
        root = TempRoot.open(location, false);
        prepareTrial();
    }

    /** Runs after the location is open; subclasses override it for their own untimed preparation. */
    protected void prepareTrial() {
    }

    @TearDown(Level.Trial)
    public void closeLocation() {
        if (root != null) {
            root.close();
        }
    }

    protected Path dir() {
        return root.dir();
    }
}
