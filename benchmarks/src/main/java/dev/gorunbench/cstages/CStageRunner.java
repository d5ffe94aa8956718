package dev.gorunbench.cstages;

import dev.gorunbench.exec.ProcessFailedException;
import dev.gorunbench.exec.ProcessRequest;
import dev.gorunbench.exec.ProcessResult;
import dev.gorunbench.exec.ProcessRunner;
import dev.gorunbench.toolchain.GoCommand;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gcc and g++ calls of the C stage benchmarks, the one place they are started: the command of each stage of one
 * {@link CProgram} at one optimization level, the untimed preparation of each stage's input, and the
 * check of its output.
 *
 * <p>Each stage runs the compiler driver once per translation unit (the linker once per program), with
 * the files named after the source: {@code X.i} or {@code X.ii}, {@code X.s}, {@code X.o}, and the
 * executable {@code program}.
 */
public final class CStageRunner {
    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private final ProcessRunner runner;
    private final CProgram program;
    private final String optimization;
    private final Path driver;
    private final Map<String, String> environment;
    private final Duration timeout;

    /**
     * @param optimization the optimization option every stage passes, {@code -O0} or {@code -O2}
     * @param inherited the JVM's environment; only PATH (and SystemRoot on Windows) is passed on
     * @param tempDir the compiler's TMPDIR, so its intermediate files stay in the trial's directory
     */
    public CStageRunner(ProcessRunner runner, CProgram program, String optimization, Map<String, String> inherited,
            Path tempDir, Duration timeout) {
        if (!optimization.matches("-O[0-3sg]")) {
            throw new IllegalArgumentException("Invalid optimization \"" + optimization
                    + "\". Use a gcc optimization option such as -O0 or -O2.");
        }
        this.runner = runner;
        this.program = program;
        this.optimization = optimization;
        this.timeout = timeout;
        this.environment = compilerEnvironment(inherited, tempDir);
        this.driver = findOnPath(program.language().driver(), environment.getOrDefault("PATH", ""));
    }

    /** Returns the linked program's path. */
    public Path executable() {
        return program.directory().resolve(GoCommand.executableFileName("program"));
    }

    /** Returns the files {@code stage} writes. */
    public List<Path> outputs(CStage stage) {
        return switch (stage) {
            case PREPROCESS -> eachSource(program.language().preprocessedExtension());
            case COMPILE -> eachSource("s");
            case ASSEMBLE -> eachSource("o");
            case LINK, ONE_SHOT -> List.of(executable());
        };
    }

    /** Returns the files {@code stage} reads: the sources, or the outputs of the stage before it. */
    public List<Path> inputs(CStage stage) {
        return switch (stage) {
            case PREPROCESS, ONE_SHOT -> program.sources();
            case COMPILE -> outputs(CStage.PREPROCESS);
            case ASSEMBLE -> outputs(CStage.COMPILE);
            case LINK -> outputs(CStage.ASSEMBLE);
        };
    }

    /** Runs every stage before {@code stage} once, untimed, so its inputs exist; checks each one's output. */
    public void prepare(CStage stage) {
        if (stage == CStage.ONE_SHOT) {
            return;
        }
        for (CStage earlier : CStage.values()) {
            if (earlier == stage) {
                return;
            }
            run(earlier);
            verify(earlier);
        }
    }

    /** Deletes what {@code stage} writes, so {@link #verify} checks only the next run's output. */
    public void deleteOutputs(CStage stage) {
        for (Path output : outputs(stage)) {
            try {
                Files.deleteIfExists(output);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete " + output + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Runs {@code stage} and returns one result for all its driver calls: the summed wall and CPU time.
     *
     * @throws ProcessFailedException when a call exits non-zero
     */
    public ProcessResult run(CStage stage) {
        return sum(commands(stage, List.of()).stream().map(request -> runner.runChecked(request, null)).toList());
    }

    /**
     * Compiles the preprocessed sources once with {@code -ftime-report} and returns gcc's per-pass report
     * of each translation unit, headed by a line {@code == FILE} and the command. The preprocess stage must
     * have run.
     */
    public String compileTimeReport() {
        StringBuilder report = new StringBuilder();
        List<Path> inputs = inputs(CStage.COMPILE);
        List<ProcessRequest> requests = commands(CStage.COMPILE, List.of("-ftime-report"));
        for (int i = 0; i < requests.size(); i++) {
            ProcessResult result = runner.runChecked(requests.get(i), null);
            report.append("== ").append(inputs.get(i).getFileName()).append('\n')
                    .append("command: ").append(requests.get(i).commandLine()).append('\n')
                    .append(result.stderrTail()).append('\n');
        }
        return report.toString();
    }

    /**
     * Checks that every output of {@code stage} exists and is not empty and, for the stages that link,
     * that the program runs and prints the expected output.
     *
     * @throws IllegalStateException naming the missing or empty file
     * @throws ProcessFailedException when the program fails or prints something else
     */
    public void verify(CStage stage) {
        for (Path output : outputs(stage)) {
            try {
                if (!Files.isRegularFile(output) || Files.size(output) == 0) {
                    throw new IllegalStateException("Stage " + stage.id() + " of the " + program.language().id()
                            + " program did not write " + output + " (missing or empty).");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + output + ": " + e.getMessage(), e);
            }
        }
        if (stage == CStage.LINK || stage == CStage.ONE_SHOT) {
            ProcessRequest request = ProcessRequest.builder(executable(), program.directory())
                    .environment(environment)
                    .timeout(timeout)
                    .build();
            runner.runChecked(request, program.expectedStdout());
        }
    }

    /** Returns the driver calls of {@code stage}, each with {@code extra} options before its inputs. */
    List<ProcessRequest> commands(CStage stage, List<String> extra) {
        List<ProcessRequest> requests = new ArrayList<>();
        String standard = program.language().standard();
        switch (stage) {
            case PREPROCESS, COMPILE, ASSEMBLE -> {
                List<Path> inputs = inputs(stage);
                List<Path> outputs = outputs(stage);
                String mode = switch (stage) {
                    case PREPROCESS -> "-E";
                    case COMPILE -> "-S";
                    default -> "-c";
                };
                for (int i = 0; i < inputs.size(); i++) {
                    ProcessRequest.Builder call = call();
                    if (stage != CStage.ASSEMBLE) {
                        // The assembler takes no language standard; gcc would warn that it is unused.
                        call.argument(standard);
                    }
                    call.argument(optimization).argument(mode).arguments(extra)
                            .argument(inputs.get(i).getFileName().toString())
                            .argument("-o").argument(outputs.get(i).getFileName().toString());
                    requests.add(call.build());
                }
            }
            case LINK -> {
                ProcessRequest.Builder call = call().argument(optimization).arguments(extra);
                inputs(stage).forEach(input -> call.argument(input.getFileName().toString()));
                requests.add(call.argument("-o").argument(executable().getFileName().toString()).build());
            }
            case ONE_SHOT -> {
                ProcessRequest.Builder call = call().argument(standard).argument(optimization).arguments(extra);
                inputs(stage).forEach(input -> call.argument(input.getFileName().toString()));
                requests.add(call.argument("-o").argument(executable().getFileName().toString()).build());
            }
            default -> throw new IllegalArgumentException("Unknown stage " + stage);
        }
        return requests;
    }

    private ProcessRequest.Builder call() {
        return ProcessRequest.builder(driver, program.directory()).environment(environment).timeout(timeout);
    }

    private List<Path> eachSource(String extension) {
        return program.sources().stream().map(source -> program.output(source, extension)).toList();
    }

    /** Returns one result whose wall and CPU times are the sums of {@code results}. */
    static ProcessResult sum(List<ProcessResult> results) {
        long wall = 0;
        long cpu = 0;
        for (ProcessResult result : results) {
            wall += result.wallNanos();
            cpu = cpu < 0 || result.cpuNanos() < 0 ? -1 : cpu + result.cpuNanos();
        }
        return new ProcessResult(0, wall, cpu, "", "");
    }

    /** Returns PATH (and SystemRoot on Windows) from {@code inherited}, LC_ALL=C and the temp directory. */
    static Map<String, String> compilerEnvironment(Map<String, String> inherited, Path tempDir) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String name : WINDOWS ? new String[] {"PATH", "Path", "SystemRoot"} : new String[] {"PATH"}) {
            if (inherited.get(name) != null) {
                environment.put(name, inherited.get(name));
            }
        }
        environment.put("LC_ALL", "C");
        if (WINDOWS) {
            environment.put("TMP", tempDir.toString());
            environment.put("TEMP", tempDir.toString());
        } else {
            environment.put("TMPDIR", tempDir.toString());
        }
        return environment;
    }

    /**
     * Returns the first executable {@code name} (or {@code name.exe} on Windows) in the directories of
     * {@code path}.
     *
     * @throws IllegalStateException naming the compiler and how to install it when none is found
     */
    public static Path findOnPath(String name, String path) {
        String fileName = WINDOWS ? name + ".exe" : name;
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir).resolve(fileName);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(name + " was not found on PATH (" + path + "). Install it (on Debian: "
                + "apt-get install gcc g++) or put it on PATH.");
    }
}
