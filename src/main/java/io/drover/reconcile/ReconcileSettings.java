package io.drover.reconcile;

import io.drover.git.BotIdentity;
import io.drover.model.StepKind;
import java.util.List;

/** What a reconciler needs to know beyond the repository and the forge. */
public record ReconcileSettings(String baseBranch, BotIdentity bot, String label) {

    /** Every Drover branch starts with this, then the rollout name and the step id. */
    public static final String BRANCH_PREFIX = "drover/";

    public String branchOf(String rollout, String stepId) {
        return BRANCH_PREFIX + rollout + "/" + stepId;
    }

    /** The labels every step pull request carries: Drover's, and one for the step's kind. */
    public List<String> labelsOf(StepKind kind) {
        return List.of(label, label + "/" + kind.id());
    }
}
