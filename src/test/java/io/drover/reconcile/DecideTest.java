package io.drover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.forge.MergeReadiness;
import io.drover.forge.PullRequest;
import io.drover.forge.PullRequest.State;
import io.drover.gate.Gate;
import io.drover.model.FileChange;
import io.drover.model.FleetFiles;
import io.drover.planning.Plan;
import io.drover.policy.Policy;
import io.drover.reconcile.Decision.CloseSuperseded;
import io.drover.reconcile.Decision.Hold;
import io.drover.reconcile.Decision.Merge;
import io.drover.reconcile.Decision.OpenRollback;
import io.drover.reconcile.Decision.Propose;
import io.drover.reconcile.Decision.Rebuild;
import io.drover.reconcile.Decision.RecordGatePassed;
import io.drover.reconcile.Decision.Say;
import io.drover.reconcile.Outcome.Action;
import io.drover.reconcile.RolloutState.AfterMerge;
import io.drover.reconcile.RolloutState.Completion;
import io.drover.reconcile.RolloutState.Rollback;
import io.drover.reconcile.RolloutState.Said;
import io.drover.reconcile.RolloutState.StepPullRequest;
import io.drover.testing.ExampleFleet;
import io.drover.testing.Planning;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each decision rule on its own: states built by hand, no Git, no forge, no clock. */
class DecideTest {

    private static final FleetFiles FILES = ExampleFleet.withFleetPolicy(ExampleFleet.defaultPolicyAnyTime());
    private static final Plan PLAN = plan();
    private static final Policy POLICY = PLAN.policy();
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String BRANCH = "drover/production-1-31/" + PLAN.firstStep().id();
    private static final Proposal NEXT = new Proposal(PLAN.firstStep(), BRANCH, List.of("drover", "drover/add-cluster"),
            new StepTexts(FILES, PLAN, 0, () -> "the gate"));
    private static final BranchState READY = new BranchState(Optional.of("b".repeat(40)), true, false);

    // --- the plan

    @Test
    void aRefusedPlanBlocks() {
        Decision d = Decide.decide(state().refusal("N+1 fails").build());

        assertHold(d, Action.BLOCKED, "plan refused: N+1 fails");
    }

    @Test
    void aCompletePlanIsDone() {
        assertHold(Decide.decide(state().noNext().build()), Action.DONE, "every selected cluster is at v1.31.4");
    }

    @Test
    void aCompletePlanClosesAStepStillOpen() {
        PullRequest open = pr(7, "drover/production-1-31/old", State.OPEN);

        Decision d = Decide.decide(state().noNext().elsewhere(open).build());

        assertThat(d).isEqualTo(new CloseSuperseded(open, "none, the rollout is complete"));
    }

    @Test
    void aStepOpenOnAnotherBranchIsClosedBeforeTheNextOneOpens() {
        PullRequest open = pr(7, "drover/production-1-31/old", State.OPEN);

        assertThat(Decide.decide(state().elsewhere(open).build())).isEqualTo(new CloseSuperseded(open, NEXT.stepId()));
    }

    // --- the next step's pull request

    @Test
    void aPullRequestClosedWithoutMergeIsSaidOnceThenPauses() {
        PullRequest closed = pr(3, BRANCH, State.CLOSED);

        Decision first = Decide.decide(state().stepPr(closed, Said.NOTHING).build());
        Decision again = Decide.decide(state().stepPr(closed, said("paused-closed")).build());

        assertThat(first).isInstanceOfSatisfying(Say.class, s -> {
            assertThat(s.kind()).isEqualTo("paused-closed");
            assertThat(s.then()).isEqualTo(Action.PAUSED);
        });
        assertHold(again, Action.PAUSED, "closed without merge");
    }

    @Test
    void aPullRequestDroverClosedAsSupersededIsProposedAgain() {
        Decision d = Decide.decide(state().stepPr(pr(3, BRANCH, State.CLOSED), said(Decide.SUPERSEDED)).build());

        assertThat(d).isEqualTo(new Propose(NEXT));
    }

    @Test
    void aMergeNotYetOnTheBaseBranchIsWaitedFor() {
        PullRequest merged = pr(3, BRANCH, State.MERGED);

        Decision d = Decide.decide(state().stepPr(new StepPullRequest(merged, Said.NOTHING, false, List.of(), Optional.empty(), Completion.NONE))
                .build());

        assertHold(d, Action.WAITING, "not yet on the base branch");
        assertThat(((Hold) d).until()).contains(NOW.plus(Decide.MERGE_VISIBLE_RETRY));
    }

    @Test
    void aMergeWithOtherContentPausesAndSaysWhichFiles() {
        PullRequest merged = pr(3, BRANCH, State.MERGED);

        Decision d = Decide.decide(state().stepPr(new StepPullRequest(merged, Said.NOTHING, true,
                List.of("traffic/shop.yaml"), Optional.empty(), Completion.NONE)).build());

        assertThat(d).isInstanceOfSatisfying(Say.class, s -> {
            assertThat(s.kind()).isEqualTo("merged-differs");
            assertThat(s.extra()).containsEntry("paths", "traffic/shop.yaml");
        });
    }

    @Test
    void anOpenPullRequestWhoseBranchIsGoneBlocks() {
        Decision d = Decide.decide(state().stepPr(pr(3, BRANCH, State.OPEN), Said.NOTHING).branch(BranchState.absent()).build());

        assertHold(d, Action.BLOCKED, "branch " + BRANCH + " is gone");
    }

    @Test
    void someoneElsesCommitIsSaidOnceAndNeverRebuilt() {
        BranchState foreign = new BranchState(Optional.of("c".repeat(40)), false, true);

        Decision first = Decide.decide(state().stepPr(pr(3, BRANCH, State.OPEN), Said.NOTHING).branch(foreign).build());
        Decision again = Decide.decide(state().stepPr(pr(3, BRANCH, State.OPEN), said("human-commit")).branch(foreign).build());

        assertThat(first).isInstanceOfSatisfying(Say.class, s -> assertThat(s.kind()).isEqualTo("human-commit"));
        assertHold(again, Action.WAITING, "someone else's commits");
    }

    @Test
    void aBranchThatNoLongerHoldsTheStepIsRebuiltWithALease() {
        BranchState stale = new BranchState(Optional.of("c".repeat(40)), false, false);
        PullRequest open = pr(3, BRANCH, State.OPEN);

        assertThat(Decide.decide(state().stepPr(open, Said.NOTHING).branch(stale).build()))
                .isEqualTo(new Rebuild(open, NEXT, "c".repeat(40), List.of()));
    }

    @Test
    void autoMergeMergesOnlyWhenTheForgeSaysMergeable() {
        PullRequest open = pr(3, BRANCH, State.OPEN);

        Decision ready = Decide.decide(state().stepPr(new StepPullRequest(open, Said.NOTHING, false, List.of(),
                Optional.of(MergeReadiness.ready()), Completion.NONE)).build());
        Decision pending = Decide.decide(state().stepPr(new StepPullRequest(open, Said.NOTHING, false, List.of(),
                Optional.of(MergeReadiness.notYet("checks pending")), Completion.NONE)).build());

        assertThat(ready).isEqualTo(new Merge(open, NEXT, POLICY.name()));
        assertHold(pending, Action.WAITING, "checks pending");
        assertThat(((Hold) pending).until()).contains(NOW.plus(Decide.FORGE_RETRY));
    }

    @Test
    void anOpenPullRequestMissingLabelsOrAnOutdatedBodyIsCompletedBeforeAnythingElse() {
        PullRequest open = pr(3, BRANCH, State.OPEN);
        Completion lacking = new Completion(List.of("drover/add-cluster"), true, true);

        Decision d = Decide.decide(state().stepPr(new StepPullRequest(open, Said.NOTHING, false, List.of(),
                Optional.of(MergeReadiness.ready()), lacking)).build());

        assertThat(d).isEqualTo(new Decision.Complete(open, NEXT, lacking, READY.tip().orElseThrow()));
    }

    @Test
    void withoutAutoMergeAnOpenPullRequestWaitsForReview() {
        assertHold(Decide.decide(state().stepPr(pr(3, BRANCH, State.OPEN), Said.NOTHING).build()), Action.WAITING,
                "for review and merge of #3");
    }

    // --- after a merge: gate, soak, windows

    @Nested
    class AfterAMerge {

        private final MergedStep merged = new MergedStep(new Trailers("production-1-31", "add-prod-euw-03", "add-cluster", List.of("prod-euw-03")),
                "a".repeat(40), Optional.of("9".repeat(40)), NOW.minus(Duration.ofMinutes(10)), false);
        private final PullRequest lastPr = pr(1, "drover/production-1-31/add-prod-euw-03", State.MERGED);

        private AfterMerge last(Gate.Result gate, Said said) {
            return new AfterMerge(merged, Optional.of(lastPr), said, gate, List.of(), Optional.empty());
        }

        @Test
        void theLastStepIsGatedBeforeTheRolloutIsDone() {
            Decision d = Decide.decide(state().noNext().last(last(new Gate.Result.Waiting("shop Progressing", Duration.ofSeconds(15),
                    List.of()), said(Decide.GATE_WAITING))).build());

            assertHold(d, Action.WAITING, "gate of add-prod-euw-03: shop Progressing");
        }

        @Test
        void theLastStepSoaksBeforeTheRolloutIsDone() {
            Said passed = new Said(Set.of(Decide.GATE_PASSED), Optional.of(NOW.minus(Duration.ofMinutes(1))), Set.of());
            Decision soaking = Decide.decide(state().noNext().last(last(new Gate.Result.Passed("all Healthy", List.of()), passed))
                    .build());
            Decision soaked = Decide.decide(state().noNext().now(NOW.plus(Duration.ofHours(1)))
                    .last(last(new Gate.Result.Passed("all Healthy", List.of()), passed)).build());

            assertHold(soaking, Action.WAITING, "step add-prod-euw-03 soaks");
            assertHold(soaked, Action.DONE, "every selected cluster is at v1.31.4");
        }

        @Test
        void theFirstWaitIsSaidOnceWithWhatTheGateWaitsForAndAPendingStatus() {
            Decision d = Decide.decide(state().last(last(new Gate.Result.Waiting("shop Progressing", Duration.ofSeconds(15), List.of()),
                    Said.NOTHING)).build());

            assertThat(d).isInstanceOfSatisfying(Say.class, s -> {
                assertThat(s.kind()).isEqualTo(Decide.GATE_WAITING);
                assertThat(s.then()).isEqualTo(Action.WAITING);
                assertThat(s.until()).contains(NOW.plusSeconds(15));
                assertThat(s.status()).hasValueSatisfying(st -> {
                    assertThat(st.sha()).isEqualTo(merged.mergeCommit());
                    assertThat(st.status().state()).isEqualTo(io.drover.forge.CommitStatus.State.PENDING);
                    assertThat(st.status().context()).isEqualTo("drover/gate");
                });
            });
        }

        @Test
        void aWaitingGateIsLookedAtAgainAfterItsRetry() {
            Decision d = Decide.decide(state().last(last(new Gate.Result.Waiting("shop Progressing", Duration.ofSeconds(15), List.of()),
                    said(Decide.GATE_WAITING))).build());

            assertHold(d, Action.WAITING, "gate of add-prod-euw-03: shop Progressing");
            assertThat(((Hold) d).until()).contains(NOW.plusSeconds(15));
        }

        @Test
        void aWaitingGateIsLookedAtNoLaterThanItsDeadline() {
            // add-cluster has a 60m gate timeout in the default policy; merged 10 minutes ago.
            Decision d = Decide.decide(state().last(last(new Gate.Result.Waiting("shop Progressing", Duration.ofHours(2), List.of()),
                    said(Decide.GATE_WAITING))).build());

            assertThat(((Hold) d).until()).contains(merged.mergedAt().plus(Duration.ofMinutes(60)));
        }

        @Test
        void aGateStillWaitingAtItsTimeoutPausesWithTheEvidence() {
            Decision d = Decide.decide(state().now(merged.mergedAt().plus(Duration.ofMinutes(60)))
                    .last(last(new Gate.Result.Waiting("shop Progressing", Duration.ofSeconds(15), List.of()), Said.NOTHING)).build());

            assertThat(d).isInstanceOfSatisfying(Say.class, s -> {
                assertThat(s.kind()).isEqualTo(Decide.GATE_TIMEOUT);
                assertThat(s.then()).isEqualTo(Action.PAUSED);
                assertThat(s.detail()).contains("did not pass within 1h");
                assertThat(s.extra()).containsKey("apps");
                assertThat(s.status()).hasValueSatisfying(st -> assertThat(st.status().state())
                        .isEqualTo(io.drover.forge.CommitStatus.State.FAILURE));
            });
        }

        @Test
        void aFailedGatePausesWithTheEvidenceAndStaysPausedOnceSaid() {
            Decision first = Decide.decide(state().last(last(new Gate.Result.Failed("shop Degraded", List.of()), Said.NOTHING)).build());
            // Healthy again later: still paused, a human decides.
            Decision later = Decide.decide(state().last(last(new Gate.Result.Passed("all Healthy", List.of()), said(Decide.GATE_FAILED)))
                    .build());

            assertThat(first).isInstanceOfSatisfying(Say.class, s -> assertThat(s.kind()).isEqualTo(Decide.GATE_FAILED));
            assertHold(later, Action.PAUSED, "failed earlier");
        }

        @Test
        void anAutoMergeDroverDidNotLiveToAnnounceIsSaidFirst() {
            MergedStep autoMerged = new MergedStep(merged.trailers(), merged.mergeCommit(), merged.before(), merged.mergedAt(), true);
            AfterMerge m = new AfterMerge(autoMerged, Optional.of(lastPr), Said.NOTHING, new Gate.Result.Passed("ok", List.of()),
                    List.of(), Optional.empty());

            Decision first = Decide.decide(state().last(m).build());
            Decision then = Decide.decide(state().last(new AfterMerge(autoMerged, Optional.of(lastPr), said(Decide.AUTO_MERGED),
                    new Gate.Result.Passed("ok", List.of()), List.of(), Optional.empty())).build());

            assertThat(first).isInstanceOfSatisfying(Say.class, s -> assertThat(s.kind()).isEqualTo(Decide.AUTO_MERGED));
            assertThat(then).isInstanceOf(RecordGatePassed.class);
        }

        @Test
        void aFailedGateWithoutAPullRequestStillPauses() {
            AfterMerge noPr = new AfterMerge(merged, Optional.empty(), Said.NOTHING, new Gate.Result.Failed("shop Degraded", List.of()),
                    List.of(), Optional.empty());

            assertHold(Decide.decide(state().last(noPr).build()), Action.PAUSED, "shop Degraded");
        }

        @Test
        void aFailedGateOpensTheRollbackWhenThePolicyAsksAndNothingChangedSince() {
            Rollback rollback = new Rollback("drover/production-1-31/rollback/add-prod-euw-03", Optional.empty(),
                    List.of(FileChange.delete("clusters/prod-euw-03/cluster.yaml", "x")), List.of());
            AfterMerge failed = new AfterMerge(merged, Optional.of(lastPr), said(Decide.GATE_FAILED),
                    new Gate.Result.Failed("shop Degraded", List.of()), List.of(), Optional.of(rollback));

            Decision withRollback = Decide.decide(state().policy(withRollback()).last(failed).build());
            Decision withoutRollback = Decide.decide(state().last(failed).build());

            assertThat(withRollback).isInstanceOfSatisfying(OpenRollback.class, r -> assertThat(r.rollback()).isEqualTo(rollback));
            assertHold(withoutRollback, Action.PAUSED, "failed");
        }

        @Test
        void noRollbackOverFilesChangedAgainSinceTheMerge() {
            Rollback rollback = new Rollback("drover/production-1-31/rollback/add-prod-euw-03", Optional.empty(),
                    List.of(FileChange.modify("traffic/shop.yaml", "a", "b")), List.of("traffic/shop.yaml"));
            AfterMerge failed = new AfterMerge(merged, Optional.of(lastPr), said(Decide.GATE_FAILED),
                    new Gate.Result.Failed("shop Degraded", List.of()), List.of(), Optional.of(rollback));

            assertHold(Decide.decide(state().policy(withRollback()).last(failed).build()), Action.PAUSED,
                    "no rollback proposed: [traffic/shop.yaml] changed again since the merge");
        }

        @Test
        void aPassedGateIsRecordedAndTheSoakStartsThen() {
            Decision d = Decide.decide(state().last(last(new Gate.Result.Passed("3 apps Healthy", List.of()), Said.NOTHING)).build());

            assertThat(d).isEqualTo(new RecordGatePassed(lastPr, merged, NOW.plus(POLICY.soakOf(merged.kind())), "3 apps Healthy",
                    List.of()));
        }

        @Test
        void theSoakRunsFromWhenTheGatePassed() {
            Instant passedAt = NOW.minus(Duration.ofMinutes(2));
            Said passed = new Said(Set.of(Decide.GATE_PASSED), Optional.of(passedAt), Set.of());

            Decision soaking = Decide.decide(state().last(last(new Gate.Result.Passed("ok", List.of()), passed)).build());
            Decision soaked = Decide.decide(state().now(passedAt.plus(POLICY.soakOf(merged.kind())))
                    .last(last(new Gate.Result.Passed("ok", List.of()), passed)).build());

            assertHold(soaking, Action.WAITING, "soaks");
            assertThat(((Hold) soaking).until()).contains(passedAt.plus(POLICY.soakOf(merged.kind())));
            assertThat(soaked).isEqualTo(new Propose(NEXT));
        }

        @Test
        void aFailureDuringTheSoakPauses() {
            Said passed = new Said(Set.of(Decide.GATE_PASSED), Optional.of(NOW.minusSeconds(60)), Set.of());

            Decision d = Decide.decide(state().last(last(new Gate.Result.Failed("shop Degraded", List.of()), passed)).build());

            assertThat(d).isInstanceOfSatisfying(Say.class, s -> assertThat(s.kind()).isEqualTo(Decide.GATE_FAILED));
        }

        @Test
        void mergedContentOtherThanProposedPauses() {
            AfterMerge differs = new AfterMerge(merged, Optional.of(lastPr), Said.NOTHING, new Gate.Result.Passed("ok", List.of()),
                    List.of("traffic/api.yaml"), Optional.empty());

            assertThat(Decide.decide(state().last(differs).build())).isInstanceOfSatisfying(Say.class,
                    s -> assertThat(s.kind()).isEqualTo("merged-differs"));
        }

        @Test
        void outsideTheChangeWindowsTheWaitIsSaidOnceOnTheMergedStep() {
            Policy office = Planning.policy(ExampleFleet.files(), "default");
            Instant saturday = Instant.parse("2026-11-28T10:00:00Z");
            Said passed = new Said(Set.of(Decide.GATE_PASSED), Optional.of(saturday.minus(Duration.ofDays(1))), Set.of());

            Decision first = Decide.decide(state().policy(office).now(saturday).last(last(new Gate.Result.Passed("ok", List.of()), passed))
                    .build());

            assertThat(first).isInstanceOfSatisfying(Say.class, s -> {
                assertThat(s.kind()).isEqualTo("waiting-window");
                assertThat(s.until()).contains(Instant.parse("2026-11-30T08:00:00Z"));
            });
        }
    }

    @Test
    void aBranchWithSomeoneElsesCommitsAndNoPullRequestBlocks() {
        BranchState foreign = new BranchState(Optional.of("c".repeat(40)), false, true);

        assertHold(Decide.decide(state().branch(foreign).build()), Action.BLOCKED, "someone else's commits");
    }

    @Test
    void theNextStepIsProposedWhenNothingHoldsItBack() {
        assertThat(Decide.decide(state().build())).isEqualTo(new Propose(NEXT));
    }

    // --- helpers

    private static Plan plan() {
        try {
            return Planning.plan(FILES).plan();
        } catch (io.drover.planning.PlanRefusedException e) {
            throw new AssertionError(e);
        }
    }

    private static Policy withRollback() {
        return Planning.policy(ExampleFleet.withFleetPolicy(ExampleFleet.defaultPolicyAnyTime()
                .replace("automaticRollback: false", "automaticRollback: true")), "default");
    }

    private static void assertHold(Decision d, Action state, String detail) {
        assertThat(d).isInstanceOfSatisfying(Hold.class, h -> {
            assertThat(h.state()).isEqualTo(state);
            assertThat(h.detail()).contains(detail);
        });
    }

    private static Said said(String... kinds) {
        return new Said(Set.of(kinds), Optional.empty(), Set.of());
    }

    private static PullRequest pr(int number, String head, State state) {
        return new PullRequest(number, "https://forge.example/pull/" + number, head, "b".repeat(40), state,
                state == State.MERGED ? Optional.of("a".repeat(40)) : Optional.empty(),
                state == State.MERGED ? Optional.of(NOW.minusSeconds(600)) : Optional.empty(), "title", "body",
                List.of("drover", "drover/add-cluster"), "drover-bot");
    }

    private static StateBuilder state() {
        return new StateBuilder();
    }

    private static final class StateBuilder {
        private Policy policy = POLICY;
        private Instant now = NOW;
        private Optional<String> refusal = Optional.empty();
        private Optional<Proposal> next = Optional.of(NEXT);
        private List<PullRequest> elsewhere = List.of();
        private Optional<StepPullRequest> stepPr = Optional.empty();
        private BranchState branch = READY;
        private Optional<AfterMerge> last = Optional.empty();

        StateBuilder refusal(String why) {
            refusal = Optional.of(why);
            next = Optional.empty();
            return this;
        }

        StateBuilder noNext() {
            next = Optional.empty();
            return this;
        }

        StateBuilder elsewhere(PullRequest pr) {
            elsewhere = List.of(pr);
            return this;
        }

        StateBuilder stepPr(PullRequest pr, Said said) {
            return stepPr(new StepPullRequest(pr, said, false, List.of(), Optional.empty(), Completion.NONE));
        }

        StateBuilder stepPr(StepPullRequest pr) {
            stepPr = Optional.of(pr);
            return this;
        }

        StateBuilder branch(BranchState state) {
            branch = state;
            return this;
        }

        StateBuilder last(AfterMerge merged) {
            last = Optional.of(merged);
            return this;
        }

        StateBuilder policy(Policy p) {
            policy = p;
            return this;
        }

        StateBuilder now(Instant t) {
            now = t;
            return this;
        }

        RolloutState build() {
            return new RolloutState("production-1-31", "rollouts/production-1-31.yaml", "v1.31.4", policy, now, refusal, next,
                    elsewhere, stepPr, branch, last);
        }
    }
}
