package io.drover.testing.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * GitHub's official REST description, cut down to what Drover uses
 * ({@code src/test/resources/contracts/github/rest-subset.json}, provenance in SOURCE.md beside it). It is
 * both the contract every stubbed interaction is validated against and the source of the
 * response bodies: GitHub's own examples, so the many required fields come from GitHub, not us.
 */
final class GitHubDescription {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final String RESOURCE = "/contracts/github/rest-subset.json";

    private static JsonNode root;

    private GitHubDescription() {
    }

    /** Where the description is, as a URL the OpenAPI validator can load. */
    static URL location() {
        URL url = GitHubDescription.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("GitHub's REST description " + RESOURCE + " is missing from the test class path");
        }
        return url;
    }

    /** A fresh, mutable copy of {@code components.examples.<name>.value}. */
    static JsonNode example(String name) {
        JsonNode value = root().path("components").path("examples").path(name).path("value");
        if (value.isMissingNode()) {
            throw new IllegalStateException("no example '" + name + "' in " + RESOURCE);
        }
        return value.deepCopy();
    }

    /** A fresh, mutable copy of {@code components.schemas.<name>}. */
    static JsonNode schema(String name) {
        JsonNode value = root().path("components").path("schemas").path(name);
        if (value.isMissingNode()) {
            throw new IllegalStateException("no schema '" + name + "' in " + RESOURCE);
        }
        return value.deepCopy();
    }

    static ObjectNode objectExample(String name) {
        return (ObjectNode) example(name);
    }

    private static synchronized JsonNode root() {
        if (root == null) {
            try (InputStream in = location().openStream()) {
                root = JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }
}
