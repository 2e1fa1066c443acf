package io.drover.reconcile;

import io.drover.fleet.FleetReader;
import io.drover.fleet.InvalidFleetException;
import io.drover.forge.Forge;
import io.drover.forge.ForgeException;
import io.drover.forge.PullRequest;
import io.drover.gate.Gate;
import io.drover.git.FleetWorkspace;
import io.drover.git.GitFailure;
import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.model.Rollout;
import io.drover.policy.InvalidPolicyException;
import io.drover.policy.Policy;
import io.drover.policy.PolicyCatalog;
import io.drover.reconcile.Outcome.Action;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Level-based reconciliation of every rollout in the fleet repository: fetch, read the base
 * branch, look at Drover's pull requests, and take at most one action per rollout. Holds no state
 * between passes; a fresh reconciler on the same data directory carries on where another stopped.
 */
public final class Reconciler {

    private final FleetWorkspace workspace;
    private final Forge forge;
    private final Gate gate;
    private final String gateDescription;
    private final Clock clock;
    private final ReconcileSettings settings;

    public Reconciler(FleetWorkspace workspace, Forge forge, Gate gate, String gateDescription, Clock clock,
            ReconcileSettings settings) {
        this.workspace = workspace;
        this.forge = forge;
        this.gate = gate;
        this.gateDescription = gateDescription;
        this.clock = clock;
        this.settings = settings;
    }

    /** Everything one pass observed, shared by the rollouts' passes. */
    record Observed(FleetWorkspace workspace, Forge forge, Gate gate, String gateDescription, Clock clock,
            ReconcileSettings settings, ObjectId head, FleetFiles files, Fleet fleet, List<PullRequest> openDroverPullRequests) {
    }

    public List<Outcome> pass() throws GitFailure, ForgeException {
        workspace.fetch();
        ObjectId head = workspace.branchTip(settings.baseBranch()).orElseThrow(() ->
                new GitFailure("origin has no branch " + settings.baseBranch() + " (drover.repo.branch)"));
        FleetFiles files = workspace.files(head);
        Fleet fleet;
        try {
            fleet = FleetReader.read(files);
        } catch (InvalidFleetException e) {
            return List.of(Outcome.of("*", Action.BLOCKED, "the fleet repo at " + head.name().substring(0, 12)
                    + " is invalid; nothing is proposed until it is fixed:\n" + e.getMessage()));
        }
        Observed observed = new Observed(workspace, forge, gate, gateDescription, clock, settings, head, files, fleet,
                forge.openPullRequests(ReconcileSettings.BRANCH_PREFIX));
        List<Outcome> outcomes = new ArrayList<>();
        for (Rollout rollout : fleet.rollouts().values()) {
            Policy policy;
            try {
                policy = PolicyCatalog.resolve(files, rollout.policyName());
            } catch (InvalidPolicyException e) {
                outcomes.add(Outcome.of(rollout.name(), Action.BLOCKED, e.getMessage()));
                continue;
            }
            outcomes.add(new RolloutPass(observed, rollout, policy).run());
        }
        return outcomes;
    }
}
