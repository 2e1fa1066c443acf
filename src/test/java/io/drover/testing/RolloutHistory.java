package io.drover.testing;

import io.drover.audit.AuditEvent;
import io.drover.audit.AuditEvent.Actor;
import io.drover.audit.AuditEvent.PullRequestRef;
import io.drover.audit.AuditEvent.StepRef;
import io.drover.git.BotIdentity;
import io.drover.git.FleetWorkspace;
import io.drover.model.FleetFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.CredentialsProvider;

/**
 * A fleet repo's history as two rollouts leave it, built commit by commit on a real bare origin,
 * with every way GitHub merges a pull request, and Drover's notes written through its workspace
 * and pushed:
 * <ul>
 * <li>staging-1-31 step 1/8, a merge commit from before Drover wrote notes; then a failed gate, a
 * rollback opened, and a skip;</li>
 * <li>production-1-31 step 1/32, a merge commit, gate passed;</li>
 * <li>step 2/32, squashed with its trailers in the bullet list; gate failed, retried, passed;</li>
 * <li>paused, a human's commit, resumed;</li>
 * <li>step 3/32, squashed with a message that lost the trailers: only the note links it;</li>
 * <li>step 4/32, rebased: the trailers kept in the rebased commit; an event of a kind this
 * Drover does not know and a line that is no event.</li>
 * </ul>
 */
public final class RolloutHistory {

    public static final BotIdentity BOT = new BotIdentity("drover[bot]", "drover@example.com");
    public static final String PROD = "production-1-31";
    public static final String STAGING = "staging-1-31";
    public static final String PR_URL = "https://github.com/acme/fleet/pull/";

    private static final PersonIdent DROVER = new PersonIdent("drover[bot]", "drover@example.com");
    private static final PersonIdent ALICE = new PersonIdent("Alice Admin", "alice@example.com");

    /** The commits on main that merged each step, in order: staging 1, production 1 to 4; and the human's commit. */
    public final String stagingStep1;
    public final String step1;
    public final String step2;
    public final String humanCommit;
    public final String step3;
    public final String step4;
    public final GitOrigin origin;

    private RolloutHistory(GitOrigin origin, String stagingStep1, String step1, String step2, String humanCommit, String step3,
            String step4) {
        this.origin = origin;
        this.stagingStep1 = stagingStep1;
        this.step1 = step1;
        this.step2 = step2;
        this.humanCommit = humanCommit;
        this.step3 = step3;
        this.step4 = step4;
    }

    public static Instant at(String time) {
        return Instant.parse(time);
    }

    /** Builds the history in {@code dir}/origin.git, Drover's clone in {@code dir}/drover-data. */
    public static RolloutHistory build(Path dir) throws Exception {
        GitOrigin origin = GitOrigin.withFiles(dir.resolve("origin.git"), FleetFiles.of(Map.of("clusters/README.md", "fleet\n")));
        // Drover clones once, before the rollouts, and fetches on each pass.
        FleetWorkspace.open(dir.resolve("drover-data"), origin.url(), CredentialsProvider.getDefault()).close();

        String staging = viaMergeCommit(origin, STAGING, StepRef.of("add-staging-euw-02", "add-cluster", 1, 8), "Add cluster staging-euw-02",
                7, "2026-11-22T10:00:00Z");
        String step1 = viaMergeCommit(origin, PROD, StepRef.of("add-prod-euw-03", "add-cluster", 1, 32), "Add cluster prod-euw-03",
                12, "2026-11-23T09:00:00Z");
        String step2 = origin.commit("main", Map.of("argocd/clusters/prod-euw-03.yaml", "enrolled\n"),
                "Enroll prod-euw-03 in the ApplicationSets (#13)\n\n"
                        + "* Enroll prod-euw-03 in the ApplicationSets\n\nAdds the enrolment labels.\n\n"
                        + trailers(PROD, StepRef.of("enroll-prod-euw-03", "enroll-cluster", 2, 32))
                        + "\n* Fix a typo in the labels\n\nCo-authored-by: Alice Admin <alice@example.com>\n",
                at(ALICE, "2026-11-23T11:00:00Z")).name();
        String human = origin.commit("main", Map.of("apps/shop/version.txt", "2.4.1\n"), "Bump shop to 2.4.1",
                at(ALICE, "2026-11-24T09:00:00Z")).name();
        String step3 = origin.commit("main", Map.of("traffic/shop.yaml", "prod-euw-03: 10\n"),
                "Shift traffic: prod-euw-03 to 10% of full share (#14)", at(ALICE, "2026-11-25T09:00:00Z")).name();
        StepRef fourth = StepRef.of("shift-prod-euw-03-25", "shift-traffic", 4, 32);
        String step4 = origin.commit("main", Map.of("traffic/shop.yaml", "prod-euw-03: 25\n"),
                "Shift traffic: prod-euw-03 to 25% of full share\n\nRamps up.\n\n" + trailers(PROD, fourth),
                at(DROVER, "2026-11-25T12:00:00Z")).name();

        try (FleetWorkspace drover = FleetWorkspace.open(dir.resolve("drover-data"), origin.url(), CredentialsProvider.getDefault())) {
            drover.fetch();
            note(drover, staging, AuditEvent.gateFailed(STAGING, new StepRef("add-staging-euw-02", Optional.empty(), Optional.empty()),
                    at("2026-11-22T10:30:00Z"), "timed out: shop-staging-euw-02 Progressing for 30m", List.of("shop-staging-euw-02")));
            note(drover, staging, AuditEvent.rollbackOpened(STAGING, StepRef.of("add-staging-euw-02", "add-cluster", 1, 8),
                    new PullRequestRef(9, Optional.of(PR_URL + 9)), at("2026-11-22T10:31:00Z"), "gate failed"));
            note(drover, staging, AuditEvent.decision(AuditEvent.SKIPPED, STAGING, Optional.of("enroll-staging-euw-02"),
                    new Actor("carol", Optional.of(4003L)), at("2026-11-22T11:00:00Z"), Optional.of("staging has no ApplicationSet for it"),
                    PR_URL + "9#issuecomment-3"));

            StepRef first = StepRef.of("add-prod-euw-03", "add-cluster", 1, 32);
            note(drover, step1, AuditEvent.stepMerged(PROD, first, new PullRequestRef(12, Optional.of(PR_URL + 12)), Optional.of("alice"),
                    at("2026-11-23T09:00:00Z"), step1, Optional.of("merge")));
            note(drover, step1, AuditEvent.gatePassed(PROD, first, at("2026-11-23T09:40:00Z"), at("2026-11-23T10:40:00Z"),
                    List.of("shop-prod-euw-03", "api-prod-euw-03")));

            StepRef second = StepRef.of("enroll-prod-euw-03", "enroll-cluster", 2, 32);
            note(drover, step2, AuditEvent.stepMerged(PROD, second, new PullRequestRef(13, Optional.of(PR_URL + 13)), Optional.of("bob"),
                    at("2026-11-23T11:00:00Z"), step2, Optional.of("squash")));
            note(drover, step2, AuditEvent.gateFailed(PROD, second, at("2026-11-23T11:30:00Z"), "shop-prod-euw-03 Degraded",
                    List.of("shop-prod-euw-03")));
            note(drover, step2, AuditEvent.decision(AuditEvent.RETRIED, PROD, Optional.of("enroll-prod-euw-03"),
                    new Actor("alice", Optional.of(4001L)), at("2026-11-23T11:45:00Z"), Optional.empty(), PR_URL + "13#issuecomment-5"));
            note(drover, step2, AuditEvent.gatePassed(PROD, second, at("2026-11-23T12:00:00Z"), at("2026-11-23T13:00:00Z"),
                    List.of("shop-prod-euw-03")));
            note(drover, step2, AuditEvent.decision(AuditEvent.PAUSED, PROD, Optional.empty(), new Actor("bob", Optional.of(4002L)),
                    at("2026-11-24T08:00:00Z"), Optional.of("customer event, hold until \"Monday\""), PR_URL + "13#issuecomment-8"));
            note(drover, human, AuditEvent.decision(AuditEvent.RESUMED, PROD, Optional.empty(), new Actor("alice", Optional.of(4001L)),
                    at("2026-11-25T08:00:00Z"), Optional.empty(), PR_URL + "13#issuecomment-9"));

            StepRef third = StepRef.of("shift-prod-euw-03-10", "shift-traffic", 3, 32);
            note(drover, step3, AuditEvent.stepMerged(PROD, third, new PullRequestRef(14, Optional.of(PR_URL + 14)), Optional.of("alice"),
                    at("2026-11-25T09:00:00Z"), step3, Optional.of("squash")));
            note(drover, step3, AuditEvent.gatePassed(PROD, third, at("2026-11-25T09:20:00Z"), at("2026-11-25T10:20:00Z"),
                    List.of("shop-prod-euw-03")));

            note(drover, step4, AuditEvent.stepMerged(PROD, fourth, new PullRequestRef(15, Optional.of(PR_URL + 15)), Optional.of("bob"),
                    at("2026-11-25T12:00:00Z"), step4, Optional.of("rebase")));
            drover.appendNote(step4, "{\"event\":\"dashboard-moved\",\"rollout\":\"production-1-31\",\"issue\":7}", BOT,
                    at("2026-11-25T12:01:00Z"));
            drover.appendNote(step4, "Reviewed-by: carol", BOT, at("2026-11-25T12:02:00Z"));
            drover.pushNotes();
        }
        return new RolloutHistory(origin, staging, step1, step2, human, step3, step4);
    }

    /** A step commit on its branch, merged into main with a merge commit as GitHub's merge button does. */
    private static String viaMergeCommit(GitOrigin origin, String rollout, StepRef step, String title, int pr, String mergedAt)
            throws Exception {
        String branch = "drover/" + rollout + "/" + step.id();
        var created = origin.repository().updateRef("refs/heads/" + branch);
        created.setNewObjectId(origin.tip("main"));
        created.forceUpdate();
        origin.commit(branch, Map.of("clusters/" + step.id() + ".yaml", "step\n"), title + "\n\nWhat and why.\n\n" + trailers(rollout, step),
                at(DROVER, Instant.parse(mergedAt).minusSeconds(3600).toString()));
        return origin.merge(branch, "Merge pull request #" + pr + " from acme/" + branch + "\n\n" + title, Instant.parse(mergedAt)).name();
    }

    private static String trailers(String rollout, StepRef step) {
        return "Drover-Rollout: " + rollout + "\nDrover-Step: " + step.position().orElseThrow() + " " + step.kind().orElseThrow()
                + "\nDrover-Step-Id: " + step.id() + "\nDrover-Plan: 0123456789abcdef\n";
    }

    private static void note(FleetWorkspace drover, String commit, AuditEvent event) throws Exception {
        drover.appendNote(commit, event.toJsonLine(), BOT, event.time().orElseThrow());
    }

    private static PersonIdent at(PersonIdent who, String time) {
        return new PersonIdent(who, Instant.parse(time), ZoneOffset.UTC);
    }
}
