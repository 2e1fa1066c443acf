package io.drover.chatops;

import io.drover.audit.AuditEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What people decided for one rollout, folded from the decisions in its audit trail (Git notes,
 * pushed with the fleet repository): whether it is paused and by whom, which steps were skipped,
 * when each step's gate was last retried, whether it was aborted. Rebuilt on every pass, so a
 * restarted Drover knows the same. {@code leftOut} are the clusters skips took out of the rollout. {@code recorded} maps the URL of every command comment already
 * in the trail to its decision, so that an answer cut short is redone without recording it twice.
 */
public record Steering(Optional<AuditEvent> paused, Set<String> skipped, Set<String> leftOut, Map<String, Instant> retried,
        Optional<AuditEvent> aborted, Map<String, AuditEvent> recorded) {

    public static final Steering NONE = new Steering(Optional.empty(), Set.of(), Set.of(), Map.of(), Optional.empty(), Map.of());

    public Steering {
        skipped = Set.copyOf(skipped);
        leftOut = Set.copyOf(leftOut);
        retried = Map.copyOf(retried);
        recorded = Map.copyOf(recorded);
    }

    /** The decisions about {@code rollout} among {@code events}, in the order they were taken. */
    public static Steering of(String rollout, Collection<AuditEvent> events) {
        List<AuditEvent> decisions = events.stream().filter(e -> e.isDecision() && e.rollout().equals(rollout))
                .sorted(Comparator.comparing(e -> e.time().orElse(Instant.EPOCH))).toList();
        Optional<AuditEvent> paused = Optional.empty();
        Optional<AuditEvent> aborted = Optional.empty();
        Set<String> skipped = new HashSet<>();
        Set<String> leftOut = new HashSet<>();
        Map<String, Instant> retried = new HashMap<>();
        Map<String, AuditEvent> recorded = new HashMap<>();
        for (AuditEvent e : decisions) {
            e.comment().ifPresent(url -> recorded.putIfAbsent(url, e));
            switch (e.event()) {
                case AuditEvent.PAUSED -> paused = Optional.of(e);
                case AuditEvent.RESUMED -> paused = Optional.empty();
                case AuditEvent.SKIPPED -> {
                    e.step().ifPresent(s -> skipped.add(s.id()));
                    leftOut.addAll(e.clusters());
                }
                case AuditEvent.RETRIED -> e.step().ifPresent(s -> retried.put(s.id(), e.time().orElse(Instant.EPOCH)));
                case AuditEvent.ABORTED -> aborted = aborted.or(() -> Optional.of(e));
                default -> {
                }
            }
        }
        return new Steering(paused, skipped, leftOut, retried, aborted, recorded);
    }

    public boolean isPaused() {
        return paused.isPresent();
    }

    public boolean isAborted() {
        return aborted.isPresent();
    }

    /** Who decided and why, for texts: "@alice (reason)". */
    public static String who(AuditEvent decision) {
        return decision.by().map(a -> "@" + a.login()).orElse("someone") + decision.reason().map(r -> " (" + r + ")").orElse("");
    }
}
