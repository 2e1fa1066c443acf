package io.drover.fleet;

import io.drover.model.LabelSelector;
import io.drover.model.LabelSelector.Operator;
import io.drover.model.LabelSelector.Requirement;
import io.drover.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a Kubernetes label selector (matchLabels, matchExpressions). */
final class SelectorReader {

    private SelectorReader() {
    }

    static Optional<LabelSelector> read(YamlNode selector, String path, Problems problems) {
        boolean valid = true;
        // A misspelt field would otherwise leave an empty selector, which matches every cluster.
        for (String field : selector.entries().keySet()) {
            if (!field.equals("matchLabels") && !field.equals("matchExpressions")) {
                problems.add(path, selector.keyLine(field), "unknown selector field '" + field + "'",
                        "use matchLabels and/or matchExpressions");
                valid = false;
            }
        }
        // A matchLabels that is not a mapping, or matchExpressions that is not a list, would read as no requirement.
        Optional<YamlNode> matchLabels = selector.get("matchLabels");
        if (matchLabels.isPresent() && !matchLabels.get().isMapping() && !matchLabels.get().isNull()) {
            problems.add(path, matchLabels.get().line(), "matchLabels must be a mapping of label: value",
                    "write it as matchLabels: {env: production}");
            valid = false;
        }
        Optional<YamlNode> matchExpressions = selector.get("matchExpressions");
        if (matchExpressions.isPresent() && !matchExpressions.get().isSequence() && !matchExpressions.get().isNull()) {
            problems.add(path, matchExpressions.get().line(), "matchExpressions must be a list",
                    "write it as matchExpressions: [{key: env, operator: In, values: [production]}]");
            valid = false;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        selector.get("matchLabels").ifPresent(m -> m.entries().forEach((k, v) -> {
            if (v.isScalar()) {
                labels.put(k, v.scalar());
            } else {
                problems.add(path, v.line(), "matchLabels." + k + " must be a string", "write it as " + k + ": <value>");
            }
        }));
        List<Requirement> requirements = new ArrayList<>();
        for (YamlNode expression : selector.get("matchExpressions").map(YamlNode::items).orElse(List.of())) {
            Optional<String> key = expression.text("key");
            Optional<Operator> operator = expression.text("operator").flatMap(SelectorReader::operator);
            if (key.isEmpty() || operator.isEmpty()) {
                problems.add(path, expression.line(), "a matchExpressions entry needs a key and an operator",
                        "use operator In, NotIn, Exists or DoesNotExist");
                valid = false;
                continue;
            }
            List<String> values = expression.get("values").map(YamlNode::items).orElse(List.of()).stream()
                    .filter(YamlNode::isScalar).map(YamlNode::scalar).toList();
            requirements.add(new Requirement(key.get(), operator.get(), values));
        }
        return valid ? Optional.of(new LabelSelector(labels, requirements)) : Optional.empty();
    }

    private static Optional<Operator> operator(String name) {
        return Arrays.stream(Operator.values()).filter(o -> o.name().equals(name)).findFirst();
    }
}
