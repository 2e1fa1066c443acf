package io.drover.policy;

import io.drover.model.Cluster;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Orders a rollout's clusters into stages by the value of one cluster label ({@code by}); each
 * stage finishes before the next starts. Values listed in {@code order} come first, in that
 * order; then the other values, numbers by size and words alphabetically; clusters without the
 * label come last. {@code drover.io/wave} is also read from the cluster's annotations.
 */
public record Stages(String by, List<String> order) {

    /** The label (or annotation) meant for stages alone: {@code drover.io/wave: "1"}. */
    public static final String WAVE = "drover.io/wave";

    public Stages {
        order = List.copyOf(order);
    }

    /** The cluster's stage value, if it has one. */
    public Optional<String> valueOf(Cluster cluster) {
        String label = cluster.labels().get(by);
        if (label == null && by.equals(WAVE)) {
            return cluster.wave();
        }
        return Optional.ofNullable(label);
    }

    /** Orders clusters by stage; clusters of one stage compare equal, so a stable sort keeps their order. */
    public Comparator<Cluster> byStage() {
        return Comparator.comparing(this::valueOf, Comparator.comparing((Optional<String> v) -> v.isEmpty())
                .thenComparing(v -> v.map(this::listedAt).orElse(Integer.MAX_VALUE))
                .thenComparing(v -> v.orElse(""), Stages::naturally));
    }

    /** For a reader: "by topology.kubernetes.io/region, eu-west-1 first". */
    public String describe() {
        return "by " + by + (order.isEmpty() ? "" : ", " + String.join(", ", order) + " first");
    }

    private int listedAt(String value) {
        int at = order.indexOf(value);
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    /** Wave numbers as people count them: 2 before 10. */
    private static int naturally(String a, String b) {
        boolean numbers = a.matches("\\d{1,9}") && b.matches("\\d{1,9}");
        return numbers ? Integer.compare(Integer.parseInt(a), Integer.parseInt(b)) : a.compareTo(b);
    }
}
