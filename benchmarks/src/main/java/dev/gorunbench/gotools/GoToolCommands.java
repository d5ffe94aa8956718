package dev.gorunbench.gotools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gorunbench.exec.ProcessRequest;
import dev.gorunbench.toolchain.GoCommand;
import dev.gorunbench.toolchain.GoEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls of the compiler and the linker run directly, as the go command would invoke them, without
 * the go command around them: {@code compile} on one package's Go files and {@code link} on the main
 * package, each with an import config listing the compiled packages it may read.
 *
 * <p>The import configs come from {@code go list -deps -export -json}, which builds the packages into
 * the build cache and reports each one's compiled archive ({@code Export}); packages without one
 * ({@code unsafe}) are left out, as the go command leaves them out.
 */
public final class GoToolCommands {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path goToolDir;
    private final GoEnvironment environment;
    private final Duration timeout;
    private final JsonNode compiledPackage;
    private final Path compileConfig;
    private final JsonNode mainPackage;
    private final Path linkConfig;

    private GoToolCommands(Path goToolDir, GoEnvironment environment, Duration timeout, JsonNode compiledPackage,
            Path compileConfig, JsonNode mainPackage, Path linkConfig) {
        this.goToolDir = goToolDir;
        this.environment = environment;
        this.timeout = timeout;
        this.compiledPackage = compiledPackage;
        this.compileConfig = compileConfig;
        this.mainPackage = mainPackage;
        this.linkConfig = linkConfig;
    }

    /**
     * Lists the packages of {@code project} with {@code go list -deps -export -json} and writes the import
     * configs of {@code packagePath} and of the main package into {@code dir}.
     *
     * @throws IllegalStateException when the package is not found or has no Go files
     */
    public static GoToolCommands prepare(GoCommand go, Path project, GoEnvironment environment, String packagePath,
            Path dir, Duration timeout) {
        Path goToolDir = Path.of(go.invoke(project, environment, List.of("env", "GOTOOLDIR")).stdout().trim());
        List<JsonNode> compileDeps = list(go, project, environment, packagePath);
        List<JsonNode> linkDeps = list(go, project, environment, ".");
        JsonNode compiled = compileDeps.get(compileDeps.size() - 1);
        JsonNode main = linkDeps.get(linkDeps.size() - 1);
        if (!compiled.path("ImportPath").asText().equals(packagePath) || compiled.path("GoFiles").size() == 0) {
            throw new IllegalStateException("Package " + packagePath + " was not found in " + project
                    + " or has no Go files; go list -deps listed " + compiled.path("ImportPath").asText() + " last.");
        }
        if (!main.path("Name").asText().equals("main") || main.path("Export").asText().isEmpty()) {
            throw new IllegalStateException("The package in " + project + " is not a main package with a compiled "
                    + "archive; go list reported " + main.path("ImportPath").asText() + ".");
        }
        Path compileConfig = writeConfig(dir.resolve("importcfg.compile"), compileDeps.subList(0, compileDeps.size() - 1));
        Path linkConfig = writeConfig(dir.resolve("importcfg.link"), linkDeps);
        return new GoToolCommands(goToolDir, environment, timeout, compiled, compileConfig, main, linkConfig);
    }

    /** Returns the compiler call that writes the package's archive to {@code output}. */
    public ProcessRequest compile(Path output) {
        Path packageDir = Path.of(compiledPackage.path("Dir").asText());
        ProcessRequest.Builder call = tool("compile", packageDir)
                .argument("-o").argument(output.toString())
                .argument("-p").argument(compiledPackage.path("ImportPath").asText())
                .argument("-complete")
                .argument("-importcfg").argument(compileConfig.toString())
                .argument("-pack");
        String goLine = compiledPackage.path("Module").path("GoVersion").asText();
        if (!goLine.isEmpty()) {
            call.argument("-lang=go" + goLine);
        }
        compiledPackage.path("GoFiles").forEach(file -> call.argument(file.asText()));
        return call.build();
    }

    /** Returns the linker call that writes the main package's executable to {@code output}. */
    public ProcessRequest link(Path output) {
        return tool("link", Path.of(mainPackage.path("Dir").asText()))
                .argument("-o").argument(output.toString())
                .argument("-importcfg").argument(linkConfig.toString())
                .argument("-buildmode=exe")
                .argument(mainPackage.path("Export").asText())
                .build();
    }

    private ProcessRequest.Builder tool(String name, Path dir) {
        return ProcessRequest.builder(goToolDir.resolve(GoCommand.executableFileName(name)), dir)
                .environment(environment.toMap())
                .timeout(timeout);
    }

    private static List<JsonNode> list(GoCommand go, Path project, GoEnvironment environment, String pattern) {
        String output = go.invoke(project, environment, List.of("list", "-deps", "-export", "-json", pattern)).stdout();
        List<JsonNode> packages = new ArrayList<>();
        try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(output)) {
            values.forEachRemaining(packages::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not parse the output of go list -deps -export -json " + pattern
                    + ": " + e.getMessage(), e);
        }
        if (packages.isEmpty()) {
            throw new IllegalStateException("go list -deps -export -json " + pattern + " in " + project + " listed nothing.");
        }
        return packages;
    }

    /** Writes an import config with one {@code packagefile} line per package that has a compiled archive. */
    static Path writeConfig(Path file, List<JsonNode> packages) {
        StringBuilder config = new StringBuilder("# import config\n");
        for (JsonNode pkg : packages) {
            String export = pkg.path("Export").asText();
            if (!export.isEmpty()) {
                config.append("packagefile ").append(pkg.path("ImportPath").asText()).append('=').append(export).append('\n');
            }
        }
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, config.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the import config " + file + ": " + e.getMessage(), e);
        }
    }
}
