package dev.gorunbench.suite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gorunbench.bench.SuiteParams;
import dev.gorunbench.results.ResultsFile;
import dev.gorunbench.workdir.TempLocation;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * The parameter values the suite runs for each benchmark: the values declared with {@code @Param},
 * narrowed by the method's {@link SuiteParams}, and for a {@code location} parameter the temp locations
 * of this machine that the benchmark can use. A location that cannot be used is skipped with its reason,
 * printed and recorded in the results environment, and is not a failure.
 */
final class SuiteParamValues {
    static final String LOCATION = "location";

    private final List<TempLocation> locations;

    SuiteParamValues(List<TempLocation> locations) {
        this.locations = List.copyOf(locations);
    }

    /** Returns each parameter of {@code entry} with the values this profile runs, in declaration order. */
    Map<String, String[]> of(BenchmarkListEntry entry, Profile profile) {
        Map<String, String[]> values = new LinkedHashMap<>();
        if (!entry.getParams().hasValue()) {
            return values;
        }
        SuiteParams narrowing = annotation(entry);
        entry.getParams().get().forEach((name, declared) -> {
            String[] selected = declared;
            if (name.equals(LOCATION)) {
                boolean runsPrograms = narrowing != null && narrowing.runsProgramsInLocation();
                selected = locations.stream()
                        .filter(location -> location.skipReason(runsPrograms) == null)
                        .map(TempLocation::label)
                        .toArray(String[]::new);
                if (profile == Profile.SMOKE && selected.length > 1) {
                    selected = new String[] {selected[0]};
                }
            }
            if (narrowing != null) {
                selected = keep(selected, name, narrowing.only());
                if (profile == Profile.SMOKE) {
                    selected = keep(selected, name, narrowing.smoke());
                }
            }
            values.put(name, selected);
        });
        return values;
    }

    /** Prints each location and, for those that are skipped, the reason. */
    void print(PrintStream out) {
        for (TempLocation location : locations) {
            String line = "   temp location " + location.label() + " (" + location.path() + ", " + location.fileSystem() + ")";
            String reason = location.skipReason(false);
            String programReason = location.skipReason(true);
            if (reason != null) {
                line += ": skipped: " + reason;
            } else if (programReason != null) {
                line += ": skipped by benchmarks that run programs: " + programReason;
            }
            out.println(line);
        }
    }

    /** Returns the locations as the {@code tempLocations} array of the results environment. */
    ArrayNode toJson() {
        ArrayNode array = ResultsFile.JSON.createArrayNode();
        for (TempLocation location : locations) {
            ObjectNode node = array.addObject();
            node.put("label", location.label());
            node.put("path", location.path().toString());
            node.put("fileSystem", location.fileSystem());
            node.put("mountPoint", location.mountPoint());
            node.put("mountOptions", location.mountOptions());
            node.put("noexec", location.noexec());
            node.put("skipReason", location.skipReason(false));
            node.put("skipReasonForPrograms", location.skipReason(true));
        }
        return array;
    }

    boolean hasLocationParam(BenchmarkListEntry entry) {
        return entry.getParams().hasValue() && entry.getParams().get().containsKey(LOCATION);
    }

    /** Keeps the values listed for {@code name} as NAME=VALUE in {@code listed}; all of them when none is. */
    private static String[] keep(String[] values, String name, String[] listed) {
        List<String> listedValues = new ArrayList<>();
        for (String item : listed) {
            int equals = item.indexOf('=');
            if (equals > 0 && item.substring(0, equals).equals(name)) {
                listedValues.add(item.substring(equals + 1));
            }
        }
        if (listedValues.isEmpty()) {
            return values;
        }
        return Arrays.stream(values).filter(listedValues::contains).toArray(String[]::new);
    }

    /** Returns the benchmark method's {@link SuiteParams}, or null when it has none. */
    private static SuiteParams annotation(BenchmarkListEntry entry) {
        String name = entry.getUsername().substring(entry.getUsername().lastIndexOf('.') + 1);
        try {
            Class<?> owner = Class.forName(entry.getUserClassQName());
            for (Method method : owner.getMethods()) {
                if (method.getName().equals(name) && method.isAnnotationPresent(SuiteParams.class)) {
                    return method.getAnnotation(SuiteParams.class);
                }
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Benchmark class " + entry.getUserClassQName() + " is in JMH's list but "
                    + "not on the class path; rebuild benchmarks.jar.", e);
        }
        return null;
    }
}
