package io.drover.policy;

import io.drover.model.Cluster;
import io.drover.model.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Orders a rollout's clusters into stages by the value of one cluster label ({@code by}); each
 * stage finishes before the next starts. Values listed in {@code order} come first, in that
 * order; then the other values, numbers by size and words alphabetically; clusters without the
 * label come last. {@code drover.io/wave} is also read from the cluster's annotations.
 * {@code orderLines}: the line of each value of {@code order} in the policy file, for warnings.
 */
public record Stages(String by, List<String> order, List<Integer> orderLines) {

    /** The label (or annotation) meant for stages alone: {@code drover.io/wave: "1"}. */
    public static final String WAVE = "drover.io/wave";

    public Stages {
        order = List.copyOf(order);
        orderLines = List.copyOf(orderLines);
        if (orderLines.size() != order.size()) {
            throw new IllegalArgumentException("a line for each value of stages.order: " + order + ", " + orderLines);
        }
    }

    /** Stages not read from a file: no line to name. */
    public Stages(String by, List<String> order) {
        this(by, order, order.stream().map(value -> 0).toList());
    }

    /** The same stages whatever lines they were read from: a policy rewritten (as the demo's is) keeps its stages. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Stages that && by.equals(that.by) && order.equals(that.order);
    }

    @Override
    public int hashCode() {
        return Objects.hash(by, order);
    }

    /**
     * The values of {@code order} that none of {@code clusters} has, each a warning at its line of
     * {@code policyPath}: skipped, so that one policy serves rollouts of different regions, but
     * named, because a typo would otherwise silently put its stage among the others.
     */
    public List<Problem> unmatched(String policyPath, Collection<Cluster> clusters) {
        Set<String> values = clusters.stream().map(this::valueOf).flatMap(Optional::stream)
                .collect(Collectors.toCollection(TreeSet::new));
        List<Problem> warnings = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            if (!values.contains(order.get(i))) {
                warnings.add(new Problem(policyPath, orderLines.get(i), "stages.order names '" + order.get(i)
                        + "', which no cluster the rollout selects has as " + by + "; that stage is skipped",
                        values.isEmpty() ? "give the clusters the label " + by + ", or correct stages.by"
                                : "correct the value if it is a typo; the selected clusters have " + String.join(", ", values)));
            }
        }
        return warnings;
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
