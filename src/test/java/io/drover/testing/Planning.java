package io.drover.testing;

import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.planning.PlanRefusedException;
import io.drover.planning.Step;
import io.drover.planning.templates.TemplateSet;
import io.drover.policy.InvalidPolicyException;
import io.drover.policy.Policy;
import io.drover.policy.PolicyCatalog;

/** Plans fleets in tests, every step kept in full, and applies plan prefixes, the way merged pull requests would. */
public final class Planning {

    private Planning() {
    }

    public static FullPlan plan(FleetFiles files) throws PlanRefusedException {
        return plan(files, null);
    }

    /** Plans the fleet's only rollout, with the named policy or the rollout's own. */
    public static FullPlan plan(FleetFiles files, String policyName) throws PlanRefusedException {
        Fleet fleet = ExampleFleet.read(files);
        var rollout = fleet.rollouts().values().iterator().next();
        return FullPlan.of(fleet, rollout, policy(files, policyName == null ? rollout.policyName() : policyName),
                TemplateSet.forFleet(files));
    }

    public static Policy policy(FleetFiles files, String name) {
        try {
            return PolicyCatalog.find(files, name).orElseThrow();
        } catch (InvalidPolicyException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The repo after steps 1..k are merged. */
    public static FleetFiles afterSteps(FleetFiles files, FullPlan plan, int k) {
        FleetFiles state = files;
        for (Step step : plan.steps().subList(0, k)) {
            state = state.apply(step.changes());
        }
        return state;
    }
}
