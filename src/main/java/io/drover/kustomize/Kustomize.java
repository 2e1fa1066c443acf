package io.drover.kustomize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs kustomize as a process: {@code kustomize build DIR} when kustomize is on the PATH, else
 * {@code kubectl kustomize DIR}, or the command the user configured.
 */
public final class Kustomize {

    private static final long TIMEOUT_SECONDS = 120;
    private final List<String> command;

    private Kustomize(List<String> command) {
        this.command = List.copyOf(command);
    }

    /** @param configured a command such as "kustomize build" or "kubectl kustomize", or null to detect */
    public static Kustomize resolve(String configured) {
        if (configured != null && !configured.isBlank()) {
            return new Kustomize(Arrays.asList(configured.trim().split("\\s+")));
        }
        return new Kustomize(onPath("kustomize") ? List.of("kustomize", "build") : List.of("kubectl", "kustomize"));
    }

    public String command() {
        return String.join(" ", command);
    }

    /** Builds one kustomization directory; the result carries kustomize's own message on failure. */
    public BuildResult build(Path directory) {
        List<String> argv = new ArrayList<>(command);
        argv.add(directory.toString());
        try {
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(errors.toFile()).start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new BuildResult(false, command() + " did not finish within " + TIMEOUT_SECONDS + "s");
                }
                String message = Files.readString(errors, StandardCharsets.UTF_8).strip();
                return new BuildResult(process.exitValue() == 0, message);
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            return new BuildResult(false, "cannot run '" + command() + "': " + e.getMessage()
                    + " (install kubectl or kustomize, or set --kustomize)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new BuildResult(false, "interrupted");
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    public record BuildResult(boolean ok, String message) {
    }
}
