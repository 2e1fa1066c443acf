package io.drover.reconcile;

import io.drover.model.FleetFiles;
import io.quarkus.qute.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Renders the texts reviewers read (PR titles and bodies, comments, commit messages) from Qute
 * templates: the fleet repo's {@code templates/<name>} when it has one, else Drover's own.
 */
final class Texts {

    private static final Engine ENGINE = Engine.builder().addDefaults().strictRendering(true).build();

    private Texts() {
    }

    static String render(FleetFiles fleet, String name, Map<String, Object> data) {
        String template = fleet.read("templates/" + name).orElseGet(() -> shipped(name));
        return ENGINE.parse(template).data(data).render().strip() + "\n";
    }

    /**
     * Ends a text with Drover's hidden marker. The code adds it, not the template, so that a fleet's
     * own template cannot lose it: "comment once" and "is this body current" depend on it.
     */
    static String withMarker(String text, String marker) {
        return text + "\n<!-- " + marker + " -->\n";
    }

    private static String shipped(String name) {
        String resource = "drover/templates/" + name;
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Drover's template " + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
