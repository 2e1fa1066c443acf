package io.drover.reconcile;

import io.drover.chatops.Command;
import io.drover.chatops.ReceivedCommand;

/**
 * {@code /drover skip}: not carried out yet. Skipping a step needs the planner to plan without
 * the step's clusters and the capacity rule checked on that plan; until it can, the command is
 * answered with what to do instead, and nothing else is written.
 */
final class SkipRule {

    private SkipRule() {
    }

    static Decision answer(RolloutState s, ReceivedCommand c, Command.Skip skip) {
        return CommandRules.reply(c, CommandRules.REFUSED, "`/drover skip` is not carried out by this version of Drover."
                + " To leave clusters out, change the rollout's `clusterSelector` on the base branch (the plan is checked "
                + "against the capacity rule again), or `/drover abort`. Nothing was done.");
    }
}
