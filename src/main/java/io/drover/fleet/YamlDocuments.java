package io.drover.fleet;

import io.drover.yaml.YamlFile;
import io.drover.yaml.YamlNode;
import io.drover.yaml.YamlSyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses fleet files, turning syntax errors into problems instead of stopping the read. Every
 * document of a fleet file is a Kubernetes object, so one that is not a mapping is a problem.
 */
final class YamlDocuments {

    private final Problems problems;
    private final FleetReadMemo memo;

    /** Parses each file afresh. */
    YamlDocuments(Problems problems) {
        this(problems, null);
    }

    /** Parses each content once, reusing what {@code memo} holds from the previous read. */
    YamlDocuments(Problems problems, FleetReadMemo memo) {
        this.problems = problems;
        this.memo = memo;
    }

    /** The file, if it is YAML whose every document is a mapping. */
    Optional<YamlFile> parse(String path, String text) {
        if (memo != null) {
            return memo.remember("yaml", path, text, problems, own -> new YamlDocuments(own).parse(path, text));
        }
        YamlFile file;
        try {
            file = YamlFile.parse(path, text);
        } catch (YamlSyntaxException e) {
            problems.add(path, e.line(), e.statement(), e.fix());
            return Optional.empty();
        }
        boolean objects = true;
        for (YamlNode doc : file.documents()) {
            if (!doc.isMapping()) {
                problems.add(path, doc.line(), "this document is " + (doc.isSequence() ? "a list" : "a single value")
                        + ", not a mapping: Drover reads Kubernetes objects here (apiVersion, kind, metadata, ...)",
                        doc.isSequence() ? "write each object as a document of its own, separated by ---"
                                : "write the object as key: value lines, or remove the document");
                objects = false;
            }
            warnAboutNonStringMetadata(path, doc, "labels");
            warnAboutNonStringMetadata(path, doc, "annotations");
        }
        return objects ? Optional.of(file) : Optional.empty();
    }

    /** Kubernetes refuses an object whose label or annotation value is a number or a boolean. */
    private void warnAboutNonStringMetadata(String path, YamlNode doc, String field) {
        Map<String, YamlNode> entries = doc.at("metadata", field).map(YamlNode::entries).orElse(Map.of());
        entries.forEach((key, value) -> {
            if (value.readsAsNumberOrBoolean()) {
                String quoted = key + ": \"" + value.scalar() + "\"";
                problems.warn(path, value.line(), "the " + field.substring(0, field.length() - 1) + " " + key + ": "
                        + value.scalar() + " is unquoted, so YAML reads a number or a boolean, not a string;"
                        + " Kubernetes refuses the object", "quote it: " + quoted);
            }
        });
    }

    static List<YamlNode> ofKind(YamlFile file, String kind) {
        return file.documents().stream().filter(d -> kind.equals(d.text("kind").orElse(""))).toList();
    }
}
