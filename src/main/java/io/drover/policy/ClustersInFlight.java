package io.drover.policy;

/**
 * How many clusters one step moves together: a fixed number, or a percentage of the clusters the
 * rollout selects (rounded up, and never less than one).
 */
public record ClustersInFlight(int value, boolean percent) {

    public static final ClustersInFlight ONE = new ClustersInFlight(1, false);

    public ClustersInFlight {
        if (value < 1 || (percent && value > 100)) {
            throw new IllegalArgumentException("clustersInFlight " + value + (percent ? "%" : "") + " is out of range");
        }
    }

    /** The wave size for a rollout that selects {@code selected} clusters. */
    public int of(int selected) {
        if (!percent) {
            return value;
        }
        return Math.max(1, (int) Math.ceil(selected * value / 100.0));
    }

    /** For a reader: "2 cluster(s)", "25% of the selected clusters". */
    public String describe() {
        return percent ? value + "% of the selected clusters" : value + " cluster(s)";
    }

    /** As a policy file writes it: {@code 2} or {@code 25%}. */
    @Override
    public String toString() {
        return percent ? value + "%" : String.valueOf(value);
    }
}
