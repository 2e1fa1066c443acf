package io.drover.model;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of step a rollout is made of; each is one pull request. */
public enum StepKind {
    ADD_CLUSTER("add-cluster"),
    ENROLL_CLUSTER("enroll-cluster"),
    SHIFT_TRAFFIC("shift-traffic"),
    DRAIN_CLUSTER("drain-cluster"),
    RETIRE_CLUSTER("retire-cluster"),
    UPGRADE_IN_PLACE("upgrade-in-place"),
    MIGRATE_APPS("migrate-apps");

    private final String id;

    StepKind(String id) {
        this.id = id;
    }

    /** The name used in policies, JSON output, branch names and commit trailers. */
    public String id() {
        return id;
    }

    public static Optional<StepKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
