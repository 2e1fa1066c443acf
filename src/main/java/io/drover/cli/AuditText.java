package io.drover.cli;

import io.drover.audit.AuditEvent;
import io.drover.audit.AuditEvent.Actor;
import io.drover.audit.AuditEvent.PullRequestRef;
import io.drover.audit.AuditEvent.StepRef;
import io.drover.audit.AuditTrail;
import io.drover.audit.NoteLine;
import io.drover.audit.RolloutTrail;
import io.drover.audit.StepTrail;
import io.drover.audit.TrailEntry;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;

/** {@code drover audit} for people: per rollout, each merged step with its evidence, then the decisions. */
final class AuditText {

    private static final int SHORT_SHA = 12;

    private AuditText() {
    }

    static void write(AuditTrail trail, Optional<Instant> since, PrintWriter out) {
        String scope = since.map(s -> " since " + s).orElse("");
        out.println("Audit of " + trail.branch() + " at " + shortSha(trail.head()) + scope + ": " + trail.commitsRead()
                + " commits of its first-parent history, with Drover's notes (refs/notes/drover)");
        if (trail.rollouts().isEmpty()) {
            out.println();
            out.println(since.isPresent() ? "No rollout found: no step merged and no decision taken" + scope + "."
                    : "No rollout found: no commit carries Drover-Rollout trailers and no note of Drover's names a rollout.");
        }
        for (RolloutTrail rollout : trail.rollouts()) {
            out.println();
            rollout(rollout, out);
        }
        if (!trail.unreadable().isEmpty()) {
            out.println();
            out.println("Note lines that are no Drover event, as written:");
            for (NoteLine line : trail.unreadable()) {
                out.println("  on " + shortSha(line.commit()) + "  " + line.line());
            }
        }
        if (trail.notesOutsideHistory() > 0) {
            out.println();
            out.println(trail.notesOutsideHistory() + (trail.notesOutsideHistory() == 1 ? " note is" : " notes are")
                    + " on commits outside the first-parent history of " + trail.branch() + " and not shown.");
        }
    }

    private static void rollout(RolloutTrail rollout, PrintWriter out) {
        out.println("Rollout " + rollout.name() + ": " + count(rollout.steps().size(), "step") + " merged, "
                + count(rollout.decisions().size(), "decision"));
        for (StepTrail step : rollout.steps()) {
            step(step, out);
        }
        if (!rollout.decisions().isEmpty()) {
            out.println("  Decisions");
            for (TrailEntry decision : rollout.decisions()) {
                out.println("    " + decision(decision));
            }
        }
        if (!rollout.other().isEmpty()) {
            out.println("  Other notes (events this Drover does not know, or about no step found here), as written");
            for (TrailEntry other : rollout.other()) {
                out.println("    on " + shortSha(other.commit()) + "  " + other.line());
            }
        }
    }

    private static void step(StepTrail step, PrintWriter out) {
        StepRef ref = step.step();
        out.println("  Step " + ref.position().map(Object::toString).orElse("?/?") + " " + ref.kind().orElse("(kind not recorded)")
                + " " + ref.id());
        out.println("    " + step.pr().map(AuditText::pr).orElse("pull request not recorded"));
        String how = step.method().map(AuditText::method).orElse("merge method not recorded");
        String when = "at " + step.mergedAt() + (step.mergeTimeNoted() ? "" : " (commit time)");
        out.println("    merged by " + step.mergedBy().orElse("(not recorded)") + " " + when + ", " + how + ": "
                + shortSha(step.commit()) + " (linked by " + step.linkedBy() + ")");
        if (step.events().isEmpty()) {
            out.println("    no gate recorded");
        }
        for (TrailEntry entry : step.events()) {
            out.println("    " + stepEvent(entry));
        }
    }

    private static String stepEvent(TrailEntry entry) {
        AuditEvent event = entry.event();
        String apps = event.apps().isEmpty() ? "" : "; apps: " + String.join(", ", event.apps());
        String reason = event.reason().map(r -> ": " + r).orElse("");
        return switch (event.event()) {
            case AuditEvent.GATE_PASSED -> "gate passed at " + entry.time()
                    + event.soakUntil().map(s -> "; soak until " + s).orElse("") + apps;
            case AuditEvent.GATE_FAILED -> "gate failed at " + entry.time() + reason + apps;
            case AuditEvent.ROLLBACK_OPENED -> "rollback opened at " + entry.time() + event.pr().map(p -> " as " + pr(p)).orElse("")
                    + reason;
            default -> event.event() + " at " + entry.time() + reason;
        };
    }

    private static String decision(TrailEntry entry) {
        AuditEvent event = entry.event();
        return entry.time() + "  " + event.event() + event.step().map(s -> " " + s.id()).orElse("") + " by "
                + event.by().map(AuditText::actor).orElse("(not recorded)") + event.reason().map(r -> ": " + r).orElse("")
                + event.comment().map(c -> "  " + c).orElse("");
    }

    private static String actor(Actor actor) {
        return actor.login() + actor.id().map(id -> " (id " + id + ")").orElse("");
    }

    private static String pr(PullRequestRef pr) {
        return "PR #" + pr.number() + pr.url().map(u -> " " + u).orElse("");
    }

    private static String method(String method) {
        return switch (method) {
            case "merge" -> "with a merge commit";
            case "squash" -> "squashed";
            case "rebase" -> "rebased";
            default -> "method " + method;
        };
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String shortSha(String sha) {
        return sha.length() > SHORT_SHA ? sha.substring(0, SHORT_SHA) : sha;
    }
}
