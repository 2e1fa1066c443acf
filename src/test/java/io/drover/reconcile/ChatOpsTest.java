package io.drover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.forge.PullRequest;
import io.drover.gate.Gate;
import io.drover.gate.NoHealthGate;
import io.drover.model.FleetFiles;
import io.drover.model.StepKind;
import io.drover.reconcile.Outcome.Action;
import io.drover.testing.ExampleFleet;
import io.drover.testing.FakeForge;
import io.drover.testing.FakeForge.User;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.lib.Ref;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ChatOps end to end: comments on the step pull request of a real origin through the fake forge,
 * passes of reconcilers (fresh ones for restarts), and what was written.
 */
class ChatOpsTest {

    private static final String ROLLOUT = "production-1-31";
    private static final String FIRST_STEP = "add-prod-euw-03";
    /** Allowed by the policy to give every command, and to pause only. */
    private static final long STEERER = 4001;
    private static final long PAUSER = 4002;
    private static final User ALICE = User.withRole(1001, "alice", "write");
    /** Teams the policy allows to give every command, and to pause only. */
    private static final String STEERING_TEAM = "acme/release-captains";
    private static final String PAUSING_TEAM = "acme/oncall";

    @RegisterExtension
    final ReconcileFixtures fixtures = new ReconcileFixtures();
    ReconcileFixture fixture;
    /** The gate each reconciler of the test uses; a test may switch it. */
    final AtomicReference<Gate> gate = new AtomicReference<>(new NoHealthGate());

    private Reconciler start() throws Exception {
        return start("blue-green");
    }

    private Reconciler start(String strategy) throws Exception {
        String policy = ExampleFleet.defaultPolicyAnyTime().replace("    steer: []", "    steer: [" + STEERER + "]")
                .replace("    pause: []", "    pause: [" + PAUSER + "]")
                .replace("    teams: []", "    teams: [" + STEERING_TEAM + "]")
                .replace("    pauseTeams: []", "    pauseTeams: [" + PAUSING_TEAM + "]");
        fixture = fixtures.of(ExampleFleet.withEdit(ExampleFleet.withFleetPolicy(policy), "rollouts/production-1-31.yaml",
                "strategy: blue-green", "strategy: " + strategy));
        Reconciler reconciler = restart();
        assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.OPENED);
        return reconciler;
    }

    /** A reconciler as a restarted service builds it. */
    private Reconciler restart() throws Exception {
        return fixture.freshReconciler(fixture.forge, new Gate() {
            @Override
            public Result check(Request request) {
                return gate.get().check(request);
            }

            @Override
            public String waitsFor(StepKind kind, List<String> clusters, io.drover.model.Fleet before, io.drover.model.Fleet after) {
                return "the test's gate";
            }
        });
    }

    private FakeForge forge() {
        return fixture.forge;
    }

    private List<String> writesDuring(Reconciler reconciler) throws Exception {
        int before = forge().writes().size();
        reconciler.pass();
        List<String> all = forge().writes();
        return all.subList(before, all.size());
    }

    private Map<String, List<String>> notes() throws Exception {
        Ref ref = fixture.origin.repository().exactRef("refs/notes/drover");
        if (ref == null) {
            return Map.of();
        }
        try (var workspace = io.drover.git.FleetWorkspace.reading(fixture.origin.repository())) {
            return workspace.notes();
        }
    }

    private String lastComment(int number) {
        List<String> comments = forge().pull(number).comments();
        return comments.get(comments.size() - 1);
    }

    // ---- authorization, deny by default ----

    @ParameterizedTest
    @ValueSource(strings = {"read", "triage"})
    void withoutWriteAccessACommandIsRefusedWithAReactionAndAReplyAndNothingElse(String role) throws Exception {
        Reconciler reconciler = start();
        long comment = forge().commentAs(User.withRole(2001, "rita", role), 1, "/drover pause");
        Map<String, List<String>> notesBefore = notes();

        List<String> writes = writesDuring(reconciler);

        assertThat(writes).containsExactly("react -1 to comment " + comment, "comment #1");
        assertThat(lastComment(1)).contains("@rita may not give this command", "write access", "Nothing was done",
                "drover:command id=" + comment);
        assertThat(forge().labels(1)).doesNotContain("drover/paused");
        assertThat(notes()).isEqualTo(notesBefore);
        assertThat(writesDuring(reconciler)).as("answered once").isEmpty();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"read, /drover resume", "read, /drover skip", "read, /drover retry",
            "read, /drover abort stop", "triage, /drover skip add-prod-euw-03", "triage, /drover retry", "triage, /drover abort"})
    void everyCommandThatChangesSomethingIsRefusedWithoutWriteAccess(String role, String command) throws Exception {
        Reconciler reconciler = start();
        var tipBefore = fixture.origin.tip("drover/" + ROLLOUT + "/" + FIRST_STEP);
        long comment = forge().commentAs(User.withRole(2001, "rita", role), 1, command);

        assertThat(writesDuring(reconciler)).containsExactly("react -1 to comment " + comment, "comment #1");
        assertThat(lastComment(1)).contains("@rita may not give this command", "Nothing was done");
        assertThat(fixture.origin.tip("drover/" + ROLLOUT + "/" + FIRST_STEP)).isEqualTo(tipBefore);
        assertThat(notes()).isEmpty();
        assertThat(forge().statuses(tipBefore.name())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"write", "maintain", "admin"})
    void writeMaintainAndAdminMayPause(String role) throws Exception {
        Reconciler reconciler = start();
        long comment = forge().commentAs(User.withRole(2002, "wes", role), 1, "/drover pause looks odd");

        List<String> writes = writesDuring(reconciler);

        assertThat(writes).containsExactly("react +1 to comment " + comment, "label #1 drover/paused", "comment #1");
        assertThat(lastComment(1)).contains("@wes paused rollout " + ROLLOUT, "Reason: looks odd");
        assertThat(notes().values()).flatExtracting(l -> l).anySatisfy(line -> assertThat(line)
                .contains("\"event\":\"paused\"", "\"by\":\"wes\"", "\"byId\":2002", "\"reason\":\"looks odd\"",
                        "#issuecomment-" + comment));
        assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.PAUSED);
    }

    @Test
    void thePolicyAllowsByNumericIdAWiderGroupToPauseThanToSteer() throws Exception {
        Reconciler reconciler = start();
        User pauser = User.withRole(PAUSER, "pat", "read");
        User steerer = User.withRole(STEERER, "stella", "triage");

        long pause = forge().commentAs(pauser, 1, "/drover pause");
        assertThat(writesDuring(reconciler)).contains("react +1 to comment " + pause, "label #1 drover/paused");
        long resumeByPauser = forge().commentAs(pauser, 1, "/drover resume");
        assertThat(writesDuring(reconciler)).containsExactly("react -1 to comment " + resumeByPauser, "comment #1");
        assertThat(lastComment(1)).contains("to be allowed to steer by the policy");
        long resume = forge().commentAs(steerer, 1, "/drover resume");

        assertThat(writesDuring(reconciler)).containsExactly("react +1 to comment " + resume, "unlabel #1 drover/paused",
                "comment #1");
        assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.WAITING);
    }

    @Test
    void aRenamedLoginKeepsItsIdsRightsAndNeverLendsThemToWhoeverTakesTheOldLogin() throws Exception {
        Reconciler reconciler = start();
        // stella (id STEERER) was renamed; her comments now show her new login, which has read access only.
        long byNewLogin = forge().commentAs(User.withRole(STEERER, "stella-renamed", "read"), 1, "/drover pause");
        assertThat(writesDuring(reconciler)).contains("react +1 to comment " + byNewLogin);
        // Someone else (id 666) now holds admin under a login an old comment still shows for id 2003.
        forge().addUser(User.withRole(666, "oldname", "admin"));
        long stale = forge().commentAsStranger(2003, "oldname", 1, "/drover resume");

        assertThat(writesDuring(reconciler)).containsExactly("react -1 to comment " + stale, "comment #1");
        assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.PAUSED);
    }

    @Test
    void botsAndDroverItselfAreIgnoredWithoutAnyWrite() throws Exception {
        Reconciler reconciler = start();
        forge().commentAs(User.bot(3001, "renovate[bot]"), 1, "/drover pause");
        forge().commentAs(new User(3002, "ci-helper[bot]", false, "write", "write"), 1, "/drover abort");
        forge().comment(1, "/drover pause");
        List<String> before = forge().writes();

        Outcome outcome = reconciler.pass().get(0);

        assertThat(forge().writes()).isEqualTo(before);
        assertThat(outcome.action()).isEqualTo(Action.WAITING);
    }

    @Test
    void anUnknownUserIsRefused() throws Exception {
        Reconciler reconciler = start();
        long comment = forge().commentAsStranger(5001, "drive-by", 1, "/drover abort now");

        assertThat(writesDuring(reconciler)).containsExactly("react -1 to comment " + comment, "comment #1");
        assertThat(forge().pull(1).state()).isEqualTo(PullRequest.State.OPEN);
        assertThat(notes().values()).flatExtracting(l -> l).noneMatch(l -> l.contains("aborted"));
    }

    // ---- authorization by team ----

    @Test
    void anActiveMemberOfTheSteeringTeamMayPauseAndResume() throws Exception {
        Reconciler reconciler = start();
        User tess = User.withRole(2101, "tess", "read");
        forge().setTeamMember(STEERING_TEAM, "tess", true);

        long pause = forge().commentAs(tess, 1, "/drover pause");
        assertThat(writesDuring(reconciler)).containsExactly("react +1 to comment " + pause, "label #1 drover/paused", "comment #1");
        long resume = forge().commentAs(tess, 1, "/drover resume");

        assertThat(writesDuring(reconciler)).containsExactly("react +1 to comment " + resume, "unlabel #1 drover/paused",
                "comment #1");
        assertThat(forge().teamLookups()).containsExactly(PAUSING_TEAM + " tess", STEERING_TEAM + " tess",
                STEERING_TEAM + " tess");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pending", "not a member"})
    void aPendingMemberOrSomeoneNotInTheTeamIsRefusedWithNothingElseWritten(String membership) throws Exception {
        Reconciler reconciler = start();
        var tipBefore = fixture.origin.tip("drover/" + ROLLOUT + "/" + FIRST_STEP);
        if (membership.equals("pending")) {
            forge().setTeamMember(STEERING_TEAM, "ivy", false); // invited, not accepted yet
        }
        long abort = forge().commentAsStranger(2102, "ivy", 1, "/drover abort");

        assertThat(writesDuring(reconciler)).containsExactly("react -1 to comment " + abort, "comment #1");
        assertThat(lastComment(1)).contains("@ivy may not give this command: it needs write access", "(by user id or team)",
                "Nothing was done");
        assertThat(forge().pull(1).state()).isEqualTo(PullRequest.State.OPEN);
        assertThat(fixture.origin.tip("drover/" + ROLLOUT + "/" + FIRST_STEP)).isEqualTo(tipBefore);
        assertThat(forge().statuses(tipBefore.name())).isEmpty();
        assertThat(notes()).isEmpty();
        assertThat(forge().teamLookups()).containsExactly(STEERING_TEAM + " ivy");
    }

    @Test
    void thePausingTeamMayPauseButNotResumeSkipRetryOrAbort() throws Exception {
        Reconciler reconciler = start();
        User oscar = User.withRole(2103, "oscar", "triage");
        forge().setTeamMember(PAUSING_TEAM, "oscar", true);
        long pause = forge().commentAs(oscar, 1, "/drover pause pager fired");
        assertThat(writesDuring(reconciler)).containsExactly("react +1 to comment " + pause, "label #1 drover/paused", "comment #1");
        Map<String, List<String>> notesAfterPause = notes();

        for (String command : List.of("/drover resume", "/drover skip", "/drover retry", "/drover abort")) {
            long comment = forge().commentAs(oscar, 1, command);

            assertThat(writesDuring(reconciler)).as(command).containsExactly("react -1 to comment " + comment, "comment #1");
            assertThat(lastComment(1)).as(command).contains("@oscar may not give this command", "allowed to steer by the policy");
        }
        assertThat(forge().labels(1)).contains("drover/paused");
        assertThat(forge().pull(1).state()).isEqualTo(PullRequest.State.OPEN);
        assertThat(notes()).isEqualTo(notesAfterPause);
    }

    @Test
    void aTeamLookupThatFailsRefusesSayingTheCheckCouldNotBeMadeAndWritesNothingElse() throws Exception {
        Reconciler reconciler = start();
        forge().setTeamMember(STEERING_TEAM, "tess", true);
        forge().failTeamLookups(STEERING_TEAM);
        long resume = forge().commentAs(User.withRole(2101, "tess", "read"), 1, "/drover skip");

        assertThat(writesDuring(reconciler)).containsExactly("react -1 to comment " + resume, "comment #1");
        assertThat(lastComment(1)).contains("@tess may not give this command now: Drover could not check whether they are a "
                + "member of team " + STEERING_TEAM, "HTTP 502", "try again later", "Nothing was done");
        assertThat(notes()).isEmpty();
        assertThat(writesDuring(reconciler)).as("answered once").isEmpty();
    }

    @Test
    void aLoginNowSomeoneElsesLendsThatSomeonesTeamsNeither() throws Exception {
        Reconciler reconciler = start();
        // id 2003 once commented as "oldname"; that login is now id 667's, who is in the steering team.
        forge().addUser(User.withRole(667, "oldname", "read"));
        forge().setTeamMember(STEERING_TEAM, "oldname", true);
        long stale = forge().commentAsStranger(2003, "oldname", 1, "/drover abort");

        assertThat(writesDuring(reconciler)).containsExactly("react -1 to comment " + stale, "comment #1");
        assertThat(forge().teamLookups()).isEmpty();
        assertThat(forge().pull(1).state()).isEqualTo(PullRequest.State.OPEN);
    }

    @Test
    void teamsAreNotAskedWhenTheRoleOrTheIdAlreadyAllows() throws Exception {
        Reconciler reconciler = start();
        forge().commentAs(User.withRole(2002, "wes", "write"), 1, "/drover pause");
        reconciler.pass();
        forge().commentAs(User.withRole(STEERER, "stella", "read"), 1, "/drover resume");
        reconciler.pass();
        forge().commentAs(User.withRole(2104, "rhea", "read"), 1, "/drover status");
        reconciler.pass();

        assertThat(forge().teamLookups()).isEmpty();
    }

    // ---- comments act once or never ----

    @Test
    void editedAndDeletedCommentsNeverActAndAReplayedOneActsOnce() throws Exception {
        Reconciler reconciler = start();
        long edited = forge().commentAs(ALICE, 1, "LGTM");
        forge().editComment(edited, "/drover abort");
        long deleted = forge().commentAs(ALICE, 1, "/drover abort");
        forge().deleteComment(deleted);
        assertThat(writesDuring(reconciler)).isEmpty();

        long pause = forge().commentAs(ALICE, 1, "/drover pause");
        writesDuring(reconciler);
        // Every later pass, and a restarted Drover, sees the same comment again: it is answered already.
        assertThat(writesDuring(reconciler)).isEmpty();
        assertThat(writesDuring(restart())).isEmpty();
        forge().editComment(pause, "/drover abort");
        assertThat(writesDuring(restart())).isEmpty();

        assertThat(forge().reactions(pause)).containsExactly("+1");
        assertThat(forge().pull(1).comments()).filteredOn(c -> c.contains("drover:command id=" + pause)).hasSize(1);
    }

    @Test
    void aResumeWrittenBeforeTheHeadMovedDoesNotResumeTheNewHead() throws Exception {
        Reconciler reconciler = start();
        forge().commentAs(ALICE, 1, "/drover pause");
        reconciler.pass();
        fixture.clock.advance(Duration.ofMinutes(5));
        forge().commentAs(ALICE, 1, "/drover resume");
        String branch = "drover/" + ROLLOUT + "/" + FIRST_STEP;
        String path = "clusters/prod-euw-03/cluster.yaml";
        fixture.origin.commit(branch, Map.of(path, fixture.origin.read(branch, path).replace("\"1200\"", "\"1100\"")),
                "Size prod-euw-03 down", new org.eclipse.jgit.lib.PersonIdent("Robin Reviewer", "robin@example.com",
                        fixture.clock.instant().plusSeconds(30), java.time.ZoneOffset.UTC));

        List<String> writes = writesDuring(reconciler);

        assertThat(writes).hasSize(2).last().isEqualTo("comment #1");
        assertThat(lastComment(1)).contains("a resume given on an older head does not resume a newer one", "stays paused");
        assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.PAUSED);
        fixture.clock.advance(Duration.ofMinutes(5));
        forge().commentAs(ALICE, 1, "/drover resume");
        reconciler.pass();
        assertThat(lastComment(1)).contains("resumed rollout " + ROLLOUT + " at head");
        assertThat(reconciler.pass().get(0).action()).isNotEqualTo(Action.PAUSED);
    }

    @Test
    void anAnswerCutShortAfterItsRecordIsDoneAgainOnceAndRecordedOnce() throws Exception {
        Reconciler reconciler = start();
        long abort = forge().commentAs(ALICE, 1, "/drover abort");
        // Dies before its second comment: after the record, the close and its comment, before the reply.
        try (var workspace = io.drover.git.FleetWorkspace.open(fixture.dataDir, fixture.origin.url(),
                org.eclipse.jgit.transport.CredentialsProvider.getDefault())) {
            Reconciler dying = new Reconciler(workspace, new CrashingForge(forge(), java.util.Set.of("before-comment:2")),
                    new NoHealthGate(), fixture.clock, ReconcileFixture.SETTINGS);
            org.assertj.core.api.Assertions.assertThatThrownBy(dying::pass).isInstanceOf(CrashingForge.Killed.class);
        }
        assertThat(forge().pull(1).state()).isEqualTo(PullRequest.State.CLOSED);
        assertThat(forge().pull(1).comments()).noneMatch(c -> c.contains("drover:command id=" + abort));

        restart().pass();

        assertThat(forge().pull(1).comments()).filteredOn(c -> c.contains("drover:command id=" + abort)).singleElement()
                .asString().contains("aborted rollout " + ROLLOUT);
        assertThat(forge().pull(1).comments()).filteredOn(c -> c.contains("Drover closes this pull request")).hasSize(1);
        assertThat(decisions()).hasSize(1);
        assertThat(forge().reactions(abort)).containsExactly("+1");
    }

    @Test
    void helpStatusAndUnknownVerbsAreAnswered() throws Exception {
        Reconciler reconciler = start();
        forge().commentAs(ALICE, 1, "/drover help");
        reconciler.pass();
        assertThat(lastComment(1)).contains(io.drover.chatops.CommandHelp.markdown().strip());
        forge().commentAs(ALICE, 1, "/drover status");
        reconciler.pass();
        assertThat(lastComment(1)).contains("rollout `" + ROLLOUT + "`", "waiting, for review and merge of #1");
        long typo = forge().commentAs(ALICE, 1, "/drover pasue");
        reconciler.pass();
        assertThat(lastComment(1)).contains("`/drover pasue` is not a command", "Did you mean `/drover pause`?");
        assertThat(forge().reactions(typo)).containsExactly("confused");
    }

    // ---- durable decisions ----

    @Test
    void aPauseSurvivesARestartAndAResumeGoesOn() throws Exception {
        Reconciler reconciler = start();
        forge().commentAs(ALICE, 1, "/drover pause until the load test is done");
        reconciler.pass();
        forge().mergeAsReviewer(1);
        fixture.clock.advance(Duration.ofHours(3));

        Outcome afterRestart = restart().pass().get(0);
        assertThat(afterRestart.action()).isEqualTo(Action.PAUSED);
        assertThat(afterRestart.detail()).contains("paused by @alice (until the load test is done)");
        fixture.clock.advance(Duration.ofHours(3));
        assertThat(restart().pass().get(0).action()).isEqualTo(Action.PAUSED);
        assertThat(forge().pulls()).hasSize(1);

        forge().commentAs(ALICE, 1, "/drover resume");
        Reconciler again = restart();
        again.pass();
        assertThat(forge().labels(1)).doesNotContain("drover/paused");
        assertThat(untilOpened(again)).isEqualTo(2);
    }

    @Test
    void aRetryAfterAFailedGateChecksItAgain() throws Exception {
        Reconciler reconciler = start();
        gate.set(ReconcileFixture.failingGate());
        forge().mergeAsReviewer(1);
        assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.PAUSED);
        assertThat(reconciler.pass().get(0).detail()).contains("failed earlier");

        gate.set(new NoHealthGate());
        assertThat(reconciler.pass().get(0).detail()).as("sticky until retried").contains("failed earlier");
        forge().commentAs(ALICE, 1, "/drover retry");
        reconciler.pass();
        assertThat(lastComment(1)).contains("the gate of step " + FIRST_STEP + " is checked again");

        Outcome next = reconciler.pass().get(0);
        assertThat(next.detail()).contains("passed; soaks until");
        assertThat(untilOpened(restart())).isEqualTo(2);
    }

    @Test
    void aRetryOnAnOpenStepRebuildsItsBranch() throws Exception {
        Reconciler reconciler = start();
        var before = fixture.origin.tip("drover/" + ROLLOUT + "/" + FIRST_STEP);
        fixture.clock.advance(Duration.ofMinutes(1));
        forge().commentAs(ALICE, 1, "/drover retry");

        reconciler.pass();

        assertThat(fixture.origin.tip("drover/" + ROLLOUT + "/" + FIRST_STEP)).isNotEqualTo(before);
        assertThat(lastComment(1)).contains("rebuilt the branch of #1");
        assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.WAITING);
    }

    @Test
    void anAbortClosesTheStepAndProposesTheRevertsNewestFirstUntilTheFleetIsBack() throws Exception {
        Reconciler reconciler = start();
        FleetFiles original = fixture.origin.files("main");
        forge().mergeAsReviewer(1);
        int opened = untilOpened(reconciler);
        forge().mergeAsReviewer(opened);
        int third = untilOpened(reconciler);
        forge().commentAs(ALICE, third, "/drover abort the new image is broken");

        reconciler.pass();
        assertThat(forge().pull(third).state()).isEqualTo(PullRequest.State.CLOSED);
        assertThat(lastComment(third)).contains("aborted rollout " + ROLLOUT);

        int revertSecond = untilOpened(reconciler);
        assertThat(forge().pull(revertSecond).request().head()).isEqualTo("drover/" + ROLLOUT + "/abort/" + stepOf(opened));
        assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.WAITING);
        forge().mergeAsReviewer(revertSecond);
        int revertFirst = untilOpened(restart());
        assertThat(forge().pull(revertFirst).request().head()).isEqualTo("drover/" + ROLLOUT + "/abort/" + FIRST_STEP);
        forge().mergeAsReviewer(revertFirst);

        Outcome done = restart().pass().get(0);
        assertThat(done.action()).isEqualTo(Action.DONE);
        assertThat(done.detail()).contains("aborted by @alice (the new image is broken)", "every merged step is reverted");
        assertThat(fixture.origin.files("main").asMap()).isEqualTo(original.asMap());

        // The audit trail, read from Git alone, holds the decision (drover audit prints it: AuditCommandTest).
        assertThat(decisions()).singleElement().satisfies(d -> {
            assertThat(d.event().event()).isEqualTo("aborted");
            assertThat(d.event().by()).contains(new io.drover.audit.AuditEvent.Actor("alice", java.util.Optional.of(1001L)));
            assertThat(d.event().reason()).contains("the new image is broken");
            assertThat(d.event().comment().orElseThrow()).contains("/issues/" + third + "#issuecomment-");
        });
    }

    @Test
    void anAbortAfterAMergedAutomaticRollbackProposesNoEmptyRevert() throws Exception {
        String policy = ExampleFleet.defaultPolicyAnyTime().replace("automaticRollback: false", "automaticRollback: true");
        assertThat(policy).contains("automaticRollback: true");
        fixture = fixtures.of(ExampleFleet.withFleetPolicy(policy));
        FleetFiles original = fixture.origin.files("main");
        gate.set(ReconcileFixture.failingGate());
        Reconciler reconciler = restart();
        assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.OPENED);
        forge().mergeAsReviewer(1);
        assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.PAUSED);
        int rollback = untilOpenedAny(reconciler);
        assertThat(forge().pull(rollback).request().head()).isEqualTo("drover/" + ROLLOUT + "/rollback/" + FIRST_STEP);
        forge().mergeAsReviewer(rollback);
        assertThat(fixture.origin.files("main").asMap()).isEqualTo(original.asMap());
        forge().commentAs(ALICE, 1, "/drover abort the rollback says it all");

        reconciler.pass();
        Outcome done = reconciler.pass().get(0);

        assertThat(done.action()).isEqualTo(Action.DONE);
        assertThat(done.detail()).contains("every merged step is reverted (" + FIRST_STEP + ")");
        assertThat(forge().pulls()).as("no abort pull request").hasSize(2);
    }

    /** Passes until one opens a pull request, whatever the others did; its number. */
    private int untilOpenedAny(Reconciler reconciler) throws Exception {
        for (int i = 0; i < 5; i++) {
            if (reconciler.pass().get(0).action() == Action.OPENED) {
                return forge().pulls().size();
            }
        }
        throw new AssertionError("nothing opened");
    }

    @Test
    void aSkipLeavesTheStepsClustersOutAndTheNextPullRequestIsTheStepAfter() throws Exception {
        Reconciler reconciler = start("rolling");
        assertThat(forge().pull(1).request().head()).endsWith("/drain-prod-euw-01");
        long skip = forge().commentAs(ALICE, 1, "/drover skip");

        assertThat(writesDuring(reconciler)).containsExactly("react +1 to comment " + skip, "comment #1");
        assertThat(lastComment(1)).contains("skipped step `drain-prod-euw-01`: prod-euw-01 left out", "Next step: drain-prod-euw-02");
        assertThat(restart().pass().get(0).action()).isEqualTo(Action.CLOSED_SUPERSEDED);
        assertThat(untilOpened(restart())).isEqualTo(2);
        assertThat(forge().pull(2).request().head()).endsWith("/drain-prod-euw-02");
        assertThat(decisions()).singleElement().satisfies(d -> {
            assertThat(d.event().event()).isEqualTo("skipped");
            assertThat(d.event().clusters()).containsExactly("prod-euw-01");
        });
    }

    @Test
    void aSkipThatWouldBreakTheCapacityRuleIsRefusedWithTheNumbers() throws Exception {
        Reconciler reconciler = start("rolling");
        forge().mergeAsReviewer(1);
        int upgrade = untilOpened(reconciler);
        assertThat(forge().pull(upgrade).request().head()).endsWith("/upgrade-prod-euw-01-1.31");
        long skip = forge().commentAs(ALICE, upgrade, "/drover skip");

        assertThat(writesDuring(reconciler)).containsExactly("react -1 to comment " + skip, "comment #" + upgrade);
        assertThat(lastComment(upgrade)).contains("is not skipped: without prod-euw-01 the plan is refused", "rps", "%",
                "Nothing was done");
        assertThat(decisions()).isEmpty();
        assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.WAITING);
    }

    @Test
    void aSkipOfAStepNotPlannedIsRefused() throws Exception {
        Reconciler reconciler = start("rolling");
        forge().commentAs(ALICE, 1, "/drover skip drain-prod-nowhere");

        assertThat(writesDuring(reconciler)).hasSize(2);
        assertThat(lastComment(1)).contains("`drain-prod-nowhere` is not among the steps still planned (next: drain-prod-euw-01");
    }

    private String stepOf(int number) {
        String head = forge().pull(number).request().head();
        return head.substring(head.lastIndexOf('/') + 1);
    }

    /** Passes (time moving on past soaks) until one opens a pull request; its number. */
    private int untilOpened(Reconciler reconciler) throws Exception {
        for (int i = 0; i < 20; i++) {
            Outcome outcome = reconciler.pass().get(0);
            if (outcome.action() == Action.OPENED) {
                return forge().pulls().size();
            }
            assertThat(outcome.action()).as(outcome.toString()).isIn(Action.WAITING, Action.UPDATED);
            fixture.clock.advance(Duration.ofMinutes(20));
        }
        throw new AssertionError("nothing opened");
    }

    private List<io.drover.audit.TrailEntry> decisions() throws Exception {
        try (var history = io.drover.git.FleetWorkspace.reading(fixture.origin.repository())) {
            var trail = io.drover.audit.TrailReader.read(history, "main", fixture.origin.tip("main").name());
            return trail.rollouts().stream().filter(r -> r.name().equals(ROLLOUT)).findFirst().orElseThrow().decisions();
        }
    }
}
