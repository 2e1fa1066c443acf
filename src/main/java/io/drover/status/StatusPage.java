package io.drover.status;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The status page's template ({@code templates/status.html}, the one {@code drover serve} renders)
 * rendered without the Quarkus container, for {@code drover demo}: values are read by reflection
 * and HTML-escaped as in the service, because titles, logins and reasons come from outsiders.
 */
public final class StatusPage {

    private static final String TEMPLATE = "templates/status.html";

    private final Template template;

    public StatusPage() {
        Engine engine = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).build();
        this.template = engine.parse(read(), Variant.forContentType(Variant.TEXT_HTML));
    }

    public String render(List<RolloutView> rollouts) {
        return template.data("rollouts", rollouts).render();
    }

    private static String read() {
        try (InputStream in = StatusPage.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
