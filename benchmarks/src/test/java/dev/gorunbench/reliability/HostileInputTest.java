package dev.gorunbench.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gorunbench.Checkouts;
import dev.gorunbench.Checkouts.CliResult;
import dev.gorunbench.TestSupport;
import dev.gorunbench.exec.ProcessRunner;
import dev.gorunbench.fixture.Fixture;
import dev.gorunbench.fixture.FixtureSpec;
import dev.gorunbench.fixture.Workspace;
import dev.gorunbench.toolchain.GoCommand;
import dev.gorunbench.toolchain.GoEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Odd or hostile names and settings: rejected before any path is built from them, or without effect. */
class HostileInputTest {
    private static final String INJECTED = "GOFLAGS=-toolexec=/nonexistent/injected-tool\n";

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"../escape", "/etc", "hello/../../x", "hello; rm -rf /", "$(touch pwned)", "", "HELLO"})
    void fixtureNameRejected(String name) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Fixture.fromId(name));
        assertTrue(error.getMessage().contains("\"" + name + "\""), error.getMessage());
        assertTrue(error.getMessage().contains("Valid fixtures: hello, multipkg, cgo"), error.getMessage());
    }

    @Test
    void jmhParamOverrideRejected() throws Exception {
        Path workDir = Files.createDirectories(temp.resolve("work"));
        Path output = temp.resolve("jmh.txt");
        OptionsBuilder options = new OptionsBuilder();
        options.include("GoRunBenchmark.goRunWarm$")
                .param("fixture", "../escape")
                .forks(1)
                .warmupIterations(0)
                .measurementIterations(1)
                .shouldFailOnError(true)
                .output(output.toString())
                .jvmArgsAppend("-Dbench.root=" + TestSupport.root(), "-Dbench.workDir=" + workDir);

        assertThrows(RunnerException.class, () -> new Runner(options.build()).run());

        String jmh = Files.readString(output);
        assertTrue(jmh.contains("Unknown fixture \"../escape\""), jmh);
        try (Stream<Path> created = Files.list(workDir)) {
            assertEquals(List.of(), created.toList(), "no directory is made from the rejected name");
        }
        assertFalse(Files.exists(temp.resolve("escape")));
    }

    @Test
    void invalidIncludeRejected() throws Exception {
        Path root = Checkouts.copy(temp.resolve("checkout"));
        CliResult result = Checkouts.runInProcess("run", "--include=goRun($(touch x)", "--root=" + root,
                "--work-root=" + temp);
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.err().contains("--include=goRun($(touch x) is not a valid regular expression"),
                result.toString());
        assertFalse(Files.exists(root.resolve("x")));
    }

    @Test
    void installationGoEnvRejected() throws Exception {
        // A copy of the installation: the real go binary (the go command finds GOROOT from the path of its
        // own executable, which a symbolic link would resolve) and links to everything else but go.env.
        Path realRoot = TestSupport.go(temp.resolve("probe")).executable().toRealPath().getParent().getParent();
        Path goroot = Files.createDirectories(temp.resolve("goroot"));
        try (Stream<Path> entries = Files.list(realRoot)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.equals("bin") && !name.equals("go.env")) {
                    Files.createSymbolicLink(goroot.resolve(name), entry);
                }
            }
        }
        Path bin = Files.createDirectories(goroot.resolve("bin"));
        Path go = Files.copy(realRoot.resolve("bin").resolve(GoCommand.executableFileName("go")),
                bin.resolve(GoCommand.executableFileName("go")), StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(goroot.resolve("go.env"), "GOTOOLCHAIN=local\n" + INJECTED);
        Path root = Checkouts.copy(temp.resolve("checkout"));

        CliResult result = Checkouts.runInProcess("run", "--go=" + go, "--root=" + root, "--work-root=" + temp);

        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.err().contains("GOFLAGS=-toolexec=/nonexistent/injected-tool"), result.toString());
        assertTrue(result.err().contains("GOROOT/go.env"), result.toString());
        assertFalse(result.out().contains("== Running"), result.toString());
    }

    @Test
    void userGoEnvFilesIgnored() throws Exception {
        Path userHome = Files.createDirectories(temp.resolve("user-home"));
        Path config = Files.createDirectories(userHome.resolve(".config/go"));
        Files.writeString(config.resolve("env"), INJECTED);
        Path explicitEnvFile = Files.writeString(temp.resolve("explicit-go.env"), INJECTED);
        Map<String, String> user = new HashMap<>(System.getenv());
        user.put("HOME", userHome.toString());
        user.put("XDG_CONFIG_HOME", userHome.resolve(".config").toString());
        user.put("GOENV", explicitEnvFile.toString());
        user.put("GOFLAGS", "-toolexec=/nonexistent/injected-tool -gcflags=-N");

        GoEnvironment environment = GoEnvironment.create(temp.resolve("isolated"), user);
        GoCommand go = new GoCommand(TestSupport.go(temp.resolve("probe")), new ProcessRunner(), Duration.ofMinutes(5));
        FixtureSpec spec = FixtureSpec.load(TestSupport.fixtures(), Fixture.HELLO);
        Workspace workspace = Workspace.create(spec, temp.resolve("src"));

        go.run(workspace.project(), environment, List.of(), spec.expectedStdout());
        String goflags = go.invoke(workspace.project(), environment, List.of("env", "GOFLAGS")).stdout();
        String goenv = go.invoke(workspace.project(), environment, List.of("env", "GOENV")).stdout();

        assertEquals("", goflags.strip(), "no flags reach the go command");
        assertFalse(goenv.contains(explicitEnvFile.toString()), "the user's go.env file is not read: " + goenv);
    }
}
