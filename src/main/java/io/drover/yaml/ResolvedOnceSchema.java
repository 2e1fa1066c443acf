package io.drover.yaml;

import java.util.HashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * The parser's default schema, with each plain scalar's tag resolved once per parse. Resolving
 * runs regular expressions on every plain scalar, and a fleet file repeats the same keys and
 * values in every record (a DNSEndpoint holds one record per cluster): the same tags, for a
 * fraction of the work. The tag is a function of the scalar's text alone, so nothing changes.
 */
final class ResolvedOnceSchema implements Schema {

    private final Schema schema;
    private final Map<String, Tag> plainTags = new HashMap<>();

    ResolvedOnceSchema(Schema schema) {
        this.schema = schema;
    }

    @Override
    public ScalarResolver getScalarResolver() {
        ScalarResolver resolver = schema.getScalarResolver();
        return (value, implicit) -> Boolean.TRUE.equals(implicit)
                ? plainTags.computeIfAbsent(value, v -> resolver.resolve(v, true))
                : resolver.resolve(value, implicit);
    }

    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
        return schema.getSchemaTagConstructors();
    }
}
