package io.drover.planning.templates;

import io.drover.model.FleetFiles;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The Qute templates that scaffold a new cluster's files. Each template's path below
 * {@code templates/new-cluster/}, with {@code {name}} filled in and {@code .qute} dropped, is the
 * path of the file it renders. A fleet repo that has files there replaces Drover's set whole.
 */
public final class TemplateSet {

    public static final String DIRECTORY = "templates/new-cluster";
    private static final List<String> SHIPPED = List.of(
            "clusters/{name}/cluster.yaml.qute",
            "clusters/{name}/kustomization.yaml.qute",
            "argocd/clusters/{name}.yaml.qute");
    private static final Engine ENGINE = Engine.builder().addDefaults().strictRendering(true).build();
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \t]+(?=\n|$)");

    private final String origin;
    private final SortedMap<String, String> templates;

    private TemplateSet(String origin, Map<String, String> templates) {
        this.origin = origin;
        this.templates = new TreeMap<>(templates);
    }

    /** The fleet's own templates if it has any, else the ones shipped with Drover. */
    public static TemplateSet forFleet(FleetFiles files) {
        SortedMap<String, String> own = files.under(DIRECTORY);
        if (own.isEmpty()) {
            return shipped();
        }
        Map<String, String> byName = new TreeMap<>();
        own.forEach((path, text) -> {
            if (path.endsWith(".qute")) {
                byName.put(path.substring(DIRECTORY.length() + 1), text);
            }
        });
        return new TemplateSet("the fleet repo's " + DIRECTORY + "/", byName);
    }

    public static TemplateSet shipped() {
        Map<String, String> byName = new TreeMap<>();
        for (String name : SHIPPED) {
            String resource = "drover/" + DIRECTORY + "/" + name;
            try (InputStream in = TemplateSet.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Drover's template " + resource + " is missing from the build");
                }
                byName.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new TemplateSet("Drover's " + DIRECTORY + "/", byName);
    }

    public String origin() {
        return origin;
    }

    /** Renders every template: repo path to file text. */
    public SortedMap<String, String> render(String clusterName, Map<String, Object> data) throws TemplateRenderException {
        SortedMap<String, String> files = new TreeMap<>();
        for (Map.Entry<String, String> template : templates.entrySet()) {
            String path = template.getKey().replace("{name}", clusterName).replaceAll("\\.qute$", "");
            try {
                String text = ENGINE.parse(template.getValue()).data(data).render();
                files.put(path, TRAILING_SPACE.matcher(text).replaceAll(""));
            } catch (TemplateException e) {
                throw new TemplateRenderException(DIRECTORY + "/" + template.getKey() + " (" + origin + "): " + e.getMessage());
            }
        }
        return files;
    }

    /** A template failed to render; the message names the template. */
    public static final class TemplateRenderException extends Exception {
        public TemplateRenderException(String message) {
            super(message);
        }
    }
}
