package io.drover.fleet;

import io.drover.yaml.YamlFile;
import io.drover.yaml.YamlNode;
import io.drover.yaml.YamlSyntaxException;
import java.util.List;
import java.util.Optional;

/** Parses fleet files, turning syntax errors into problems instead of stopping the read. */
final class YamlDocuments {

    private final Problems problems;

    YamlDocuments(Problems problems) {
        this.problems = problems;
    }

    Optional<YamlFile> parse(String path, String text) {
        try {
            return Optional.of(YamlFile.parse(path, text));
        } catch (YamlSyntaxException e) {
            problems.add(path, e.line(), "not valid YAML: " + e.problem() + " (column " + e.column() + ")",
                    "correct the YAML syntax at that line");
            return Optional.empty();
        }
    }

    static List<YamlNode> ofKind(YamlFile file, String kind) {
        return file.documents().stream().filter(d -> kind.equals(d.text("kind").orElse(""))).toList();
    }
}
