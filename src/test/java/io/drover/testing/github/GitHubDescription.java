package io.drover.testing.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * GitHub's official REST description, cut down to what Drover uses
 * ({@code shared/contracts/github/rest-subset.json}, provenance in SOURCE.md beside it). It is
 * both the contract every stubbed interaction is validated against and the source of the
 * response bodies: GitHub's own examples, so the many required fields come from GitHub, not us.
 */
final class GitHubDescription {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final String RELATIVE_PATH = "shared/contracts/github/rest-subset.json";
    private static final String OVERRIDE_PROPERTY = "drover.github.description";

    private static JsonNode root;

    private GitHubDescription() {
    }

    /**
     * The description file. shared/ sits beside the project (in CI too: a fresh clone with shared/
     * next to it), so it is looked for in the working directory and its parents.
     */
    static Path file() {
        String override = System.getProperty(OVERRIDE_PROPERTY);
        if (override != null) {
            return Path.of(override);
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE_PATH);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("GitHub's REST description " + RELATIVE_PATH + " is in neither " + start
                + " nor any parent; set -D" + OVERRIDE_PROPERTY + "=<path> to point at it");
    }

    /** A fresh, mutable copy of {@code components.examples.<name>.value}. */
    static JsonNode example(String name) {
        JsonNode value = root().path("components").path("examples").path(name).path("value");
        if (value.isMissingNode()) {
            throw new IllegalStateException("no example '" + name + "' in " + file());
        }
        return value.deepCopy();
    }

    static ObjectNode objectExample(String name) {
        return (ObjectNode) example(name);
    }

    private static synchronized JsonNode root() {
        if (root == null) {
            try {
                root = JSON.readTree(file().toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }
}
