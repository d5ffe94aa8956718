package dev.gorunbench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gorunbench.fixture.Fixture;
import dev.gorunbench.workdir.Trees;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Helpers for tests that run the whole command line: copies of the checkout with fixtures replaced by
 * small real Go programs (broken on purpose, or cheap to build), the CLI run in-process or as a child
 * JVM, and tmpfs mounts for file-system faults.
 */
public final class Checkouts {
    /**
     * A program with the hello fixture's exact output that needs only package os, so a cold build cache
     * fills in seconds; for fixtures a test does not look at.
     */
    public static final String HELLO_COPY = "package main\n\nimport \"os\"\n\n"
            + "func main() {\n\tos.Stdout.WriteString(\"Hello from the gorunbench hello fixture!\\n\")\n}\n";

    private Checkouts() {
    }

    /** Copies the checkout's fixtures to {@code root}/fixtures and returns {@code root}. */
    public static Path copy(Path root) throws IOException {
        Trees.copy(TestSupport.fixtures(), root.resolve("fixtures"));
        Trees.copy(TestSupport.root().resolve("benchmarks/native"), root.resolve("benchmarks/native"));
        return root;
    }

    /**
     * Replaces {@code fixture} in the checkout copy at {@code root} with a one-file program whose expected
     * output is the hello fixture's line.
     */
    public static void replaceFixture(Path root, Fixture fixture, String mainGo) throws IOException {
        Path dir = root.resolve("fixtures").resolve(fixture.id());
        Trees.deleteRecursively(dir);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("go.mod"), "module example.com/" + fixture.id() + "\n\ngo 1.18\n");
        Files.writeString(dir.resolve("main.go"), mainGo);
        Files.writeString(dir.resolve("fixture.properties"), "description=replaced by a test\nleafFile=main.go\ncgo=false\n");
        Files.writeString(dir.resolve("expected-stdout.txt"), "Hello from the gorunbench hello fixture!\n");
    }

    /** Console output and exit code of one command line. */
    public record CliResult(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** Runs the command line in this JVM, capturing System.out and System.err. */
    public static synchronized CliResult runInProcess(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Cli.execute(args);
            return new CliResult(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Starts {@code Cli} with {@code args} as a child JVM, output to {@code log}. */
    public static Process startCli(Path log, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(Cli.class.getName());
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Returns the class path of this JVM's tests, as entries. */
    public static List<String> classPath() {
        return List.of(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .split(File.pathSeparator));
    }

    /**
     * Mounts a tmpfs with {@code options} on {@code dir}, or skips the calling test with the reason when
     * this machine does not allow it (not Linux, not root, no mount permission in a container).
     */
    public static void mountTmpfs(Path dir, String options) throws Exception {
        assumeTrue(System.getProperty("os.name", "").startsWith("Linux"), "tmpfs mounts are a Linux test");
        Files.createDirectories(dir);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = mount.waitFor(30, TimeUnit.SECONDS);
        assumeTrue(done && mount.exitValue() == 0,
                "mounting a tmpfs needs root and mount permission, which this machine does not give: " + output);
    }

    /** Unmounts what {@link #mountTmpfs} mounted; a path that is not a mount point is left alone. */
    public static void unmount(Path dir) throws Exception {
        if (Files.isDirectory(dir)) {
            new ProcessBuilder("umount", dir.toString()).redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
