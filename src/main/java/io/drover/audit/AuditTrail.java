package io.drover.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything Git holds about Drover's rollouts on one branch: read from its first-parent history
 * and the notes in refs/notes/drover, rollouts in the order they first appear.
 *
 * @param commitsRead         how many commits of the first-parent history were read
 * @param unreadable          note lines on that history that are no event (shown as written)
 * @param notesOutsideHistory notes on commits that are not in that history (another branch's, or rewritten ones)
 */
public record AuditTrail(String branch, String head, int commitsRead, List<RolloutTrail> rollouts, List<NoteLine> unreadable,
        int notesOutsideHistory) {

    public AuditTrail {
        rollouts = List.copyOf(rollouts);
        unreadable = List.copyOf(unreadable);
    }

    public List<String> rolloutNames() {
        return rollouts.stream().map(RolloutTrail::name).toList();
    }

    public Optional<AuditTrail> only(String rollout) {
        return rollouts.stream().filter(r -> r.name().equals(rollout)).findFirst()
                .map(r -> new AuditTrail(branch, head, commitsRead, List.of(r), List.of(), notesOutsideHistory));
    }

    /** Only what happened at or after {@code from}; rollouts with nothing left are left out. */
    public AuditTrail since(Instant from) {
        return new AuditTrail(branch, head, commitsRead,
                rollouts.stream().map(r -> r.since(from)).filter(r -> !r.isEmpty()).toList(),
                unreadable.stream().filter(n -> !n.committedAt().isBefore(from)).toList(), notesOutsideHistory);
    }
}
