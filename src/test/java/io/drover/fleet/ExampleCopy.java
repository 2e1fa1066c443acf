package io.drover.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.drover.model.Fleet;
import io.drover.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A writable copy of {@code fleet-repo-example/} (tests run with the project root as working
 * directory) that a test breaks in one or more places before reading it.
 */
final class ExampleCopy {

    static final Path EXAMPLE = Path.of("fleet-repo-example");

    private final Path root;

    private ExampleCopy(Path root) {
        this.root = root;
    }

    /** Copies the example to {@code dir/fleet}. */
    static ExampleCopy copyTo(Path dir) throws IOException {
        Path root = dir.resolve("fleet");
        copyTree(EXAMPLE, root);
        return new ExampleCopy(root);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    Path root() {
        return root;
    }

    String text(String file) throws IOException {
        return Files.readString(root.resolve(file), StandardCharsets.UTF_8);
    }

    /** Replaces the one occurrence of {@code old} in a file (failing if there is not exactly one). */
    ExampleCopy replace(String file, String old, String replacement) throws IOException {
        String text = text(file);
        int first = text.indexOf(old);
        assertThat(first).as("'%s' in %s", old, file).isNotNegative();
        assertThat(text.indexOf(old, first + 1)).as("a second '%s' in %s", old, file).isNegative();
        return write(file, text.replace(old, replacement));
    }

    ExampleCopy write(String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
        return this;
    }

    /** Deletes a file or a whole directory. */
    ExampleCopy delete(String path) throws IOException {
        Path target = root.resolve(path);
        assertThat(target).exists();
        try (Stream<Path> paths = Files.walk(target)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        return this;
    }

    Fleet read() throws IOException, InvalidFleetException {
        return FleetReader.read(FleetSource.directory(root));
    }

    /** The problems of a fleet that must not read. */
    List<Problem> problems() throws IOException {
        InvalidFleetException e = catchThrowableOfType(InvalidFleetException.class,
                () -> FleetReader.read(FleetSource.directory(root)));
        assertThat(e).as("the broken fleet was read without problems").isNotNull();
        assertThat(e.problems()).isNotEmpty();
        return e.problems();
    }

    /** The single problem of a fleet broken in one place. */
    Problem problem() throws IOException {
        List<Problem> problems = problems();
        assertThat(problems).as("exactly one problem").hasSize(1);
        return problems.get(0);
    }
}
