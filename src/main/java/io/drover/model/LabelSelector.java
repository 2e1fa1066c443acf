package io.drover.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.SortedSet;

/** A Kubernetes label selector: matchLabels and matchExpressions, all of which must hold. */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {

    public LabelSelector {
        matchLabels = Map.copyOf(matchLabels);
        matchExpressions = List.copyOf(matchExpressions);
    }

    public static LabelSelector matchLabels(Map<String, String> labels) {
        return new LabelSelector(labels, List.of());
    }

    public boolean matches(Map<String, String> labels) {
        return matchLabels.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))
                && matchExpressions.stream().allMatch(r -> r.matches(labels));
    }

    /** Every label key this selector looks at. */
    public SortedSet<String> keys() {
        SortedSet<String> keys = new TreeSet<>(matchLabels.keySet());
        matchExpressions.forEach(r -> keys.add(r.key()));
        return keys;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(matchLabels).forEach((k, v) -> s.append(s.isEmpty() ? "" : ",").append(k).append('=').append(v));
        matchExpressions.forEach(r -> s.append(s.isEmpty() ? "" : ",").append(r));
        return s.toString();
    }

    public enum Operator { In, NotIn, Exists, DoesNotExist }

    public record Requirement(String key, Operator operator, List<String> values) {
        public Requirement {
            values = List.copyOf(values);
        }

        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case In -> value != null && values.contains(value);
                case NotIn -> value == null || !values.contains(value);
                case Exists -> value != null;
                case DoesNotExist -> value == null;
            };
        }

        @Override
        public String toString() {
            return switch (operator) {
                case Exists -> key;
                case DoesNotExist -> "!" + key;
                default -> key + (operator == Operator.In ? " in " : " notin ") + "(" + String.join(",", values) + ")";
            };
        }
    }
}
