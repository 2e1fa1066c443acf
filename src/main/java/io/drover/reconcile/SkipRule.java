package io.drover.reconcile;

import io.drover.audit.AuditEvent;
import io.drover.chatops.Command;
import io.drover.chatops.ReceivedCommand;
import io.drover.reconcile.RolloutState.SkipCheck;
import java.util.List;
import java.util.Optional;

/**
 * {@code /drover skip [STEP-ID]}: leaves the step's clusters out of the rest of the rollout, when
 * the plan without them still passes the capacity rule (Observe planned it: {@link SkipCheck}).
 * The skip is recorded with the clusters in the audit trail, from which every later pass plans;
 * the open pull request of a skipped step is then closed as superseded by the next pass.
 */
final class SkipRule {

    private SkipRule() {
    }

    static Decision answer(RolloutState s, ReceivedCommand c, Command.Skip skip) {
        SkipCheck check = s.chatOps().skip().orElseThrow(() -> new IllegalStateException("a skip without its check"));
        if (check.refusal().isPresent()) {
            return CommandRules.reply(c, CommandRules.REFUSED, "step " + (check.stepId().isEmpty() ? "" : "`" + check.stepId()
                    + "` ") + "is not skipped: " + check.refusal().get() + "\n\nNothing was done.");
        }
        return CommandRules.accept(s, c, AuditEvent.SKIPPED, Optional.of(check.stepId()), Optional.empty(), List.of(),
                "skipped step `" + check.stepId() + "`: " + String.join(", ", check.clusters()) + " left out of the rest of "
                        + "rollout " + s.rollout() + " (the plan without them passes the capacity rule of policy "
                        + s.policy().name() + "). Next step: " + check.nextStep().orElseThrow() + ".", check.clusters());
    }
}
