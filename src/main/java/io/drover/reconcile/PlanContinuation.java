package io.drover.reconcile;

import io.drover.model.FleetFiles;
import io.drover.planning.Plan;
import io.drover.planning.Step;
import io.drover.planning.StepOutline;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plan on a state that is an earlier planned state with that plan's first step applied, file
 * for file: the earlier plan without its first step. Planning is a pure function of the state a
 * step starts from (the re-plan property), so the steps after the merged one are the ones planned
 * from the merged state; only the new first step is planned again, for its full changes and for the
 * header (selected clusters, traffic and capacity before) of the new state. Spares the pass after
 * a merge from re-planning the whole fleet.
 */
final class PlanContinuation {

    private PlanContinuation() {
    }

    /**
     * Whether {@code now} holds exactly the files of {@code before} with {@code step}'s changes
     * applied: same paths, same contents, same refused files. Anything else (a hand edit merged
     * with the step, another commit in between) is a different state, planned from scratch.
     */
    static boolean follows(FleetFiles before, Step step, FleetFiles now) {
        // Unchanged files of two commits read through the same workspace are mostly the same strings: equals is cheap.
        return now.refused().equals(before.refused()) && now.asMap().equals(before.apply(step.changes()).asMap());
    }

    /**
     * The plan on the merged state: {@code head}'s header and first step (planned on that state, at
     * most one step) followed by {@code before}'s steps after the one it continues from; empty, with
     * why, when {@code head}'s first step is not {@code before}'s second.
     */
    static Continued continued(Plan before, Plan head) {
        List<StepOutline> later = before.steps().subList(1, before.steps().size());
        if (head.steps().isEmpty() != later.isEmpty()) {
            return Continued.not("the merged state plans " + head.steps().size() + " step(s) where the earlier plan had "
                    + later.size() + " left");
        }
        if (later.isEmpty()) {
            return new Continued(Optional.of(head), "the earlier plan's only step is merged");
        }
        StepOutline next = head.steps().get(0);
        if (!next.id().equals(later.get(0).id())) {
            return Continued.not("the merged state's first step is " + next.id() + ", the earlier plan's"
                    + " next is " + later.get(0).id());
        }
        if (!next.equals(later.get(0))) {
            return Continued.not("the merged state's first step " + next.id() + " edits other files or lines than the"
                    + " earlier plan's");
        }
        List<StepOutline> steps = new ArrayList<>(later.size());
        steps.add(next);
        steps.addAll(later.subList(1, later.size()));
        return new Continued(Optional.of(new Plan(head.start(), head.first(), steps)), "continued");
    }

    /** The continued plan, or why there is none. */
    record Continued(Optional<Plan> plan, String why) {
        static Continued not(String why) {
            return new Continued(Optional.empty(), why);
        }
    }
}
