package io.drover.reconcile;

import io.drover.git.BotIdentity;
import io.drover.model.StepKind;
import java.util.List;

/**
 * What a reconciler needs to know beyond the repository and the forge. In a dry run every
 * decision is made and reported, and nothing is written.
 */
public record ReconcileSettings(String baseBranch, BotIdentity bot, String label, boolean dryRun) {

    /** Every Drover branch starts with this, then the rollout name and the step id. */
    public static final String BRANCH_PREFIX = "drover/";

    public ReconcileSettings(String baseBranch, BotIdentity bot, String label) {
        this(baseBranch, bot, label, false);
    }

    public String branchOf(String rollout, String stepId) {
        return BRANCH_PREFIX + rollout + "/" + stepId;
    }

    /** A step id never holds a slash, so a rollback's branch is never taken for a step's. */
    public String rollbackBranchOf(String rollout, String stepId) {
        return BRANCH_PREFIX + rollout + "/rollback/" + stepId;
    }

    /** The branch of the pull request that reverts a step of an aborted rollout. */
    public String abortBranchOf(String rollout, String stepId) {
        return BRANCH_PREFIX + rollout + "/abort/" + stepId;
    }

    /** Whether a branch is one of the rollout's step branches (not its rollbacks). */
    public boolean isStepBranch(String rollout, String branch) {
        String prefix = branchOf(rollout, "");
        return branch.startsWith(prefix) && !branch.substring(prefix.length()).contains("/");
    }

    /** The labels every step pull request carries: Drover's, and one for the step's kind. */
    public List<String> labelsOf(StepKind kind) {
        return List.of(label, label + "/" + kind.id());
    }
}
