package io.drover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.forge.PullRequest.State;
import io.drover.reconcile.Outcome.Action;
import io.drover.testing.GitOrigin;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HumansInTheLoopTest {

    private static final String FIRST = "drover/production-1-31/add-prod-euw-03";

    @TempDir
    Path tmp;
    ReconcileFixture fixture;
    Reconciler reconciler;

    @BeforeEach
    void openTheFirstStep() throws Exception {
        fixture = new ReconcileFixture(tmp, ReconcileFixture.exampleAnyTime());
        reconciler = fixture.freshReconciler(fixture.forge);
        assertThat(pass().action()).isEqualTo(Action.OPENED);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aPullRequestClosedWithoutMergePausesTheRolloutAndSaysHowToGoOn() throws Exception {
        fixture.forge.closeAsReviewer(1);

        Outcome paused = pass();
        Outcome again = pass();

        assertThat(paused.action()).isEqualTo(Action.PAUSED);
        assertThat(again.action()).isEqualTo(Action.PAUSED);
        assertThat(fixture.forge.pull(1).comments()).singleElement().asString()
                .contains("**paused**", "closed without being merged", "reopen this pull request");
        assertThat(fixture.forge.pulls()).hasSize(1);

        fixture.forge.reopenAsReviewer(1);
        assertThat(pass().action()).isEqualTo(Action.WAITING);
    }

    @Test
    void aHumanCommitOnADroverBranchIsNeverOverwritten() throws Exception {
        ObjectId human = fixture.origin.commit(FIRST, Map.of("clusters/prod-euw-03/cluster.yaml",
                fixture.origin.read(FIRST, "clusters/prod-euw-03/cluster.yaml").replace("\"1200\"", "\"1100\"")),
                "Size prod-euw-03 down a little", GitOrigin.HUMAN);
        // And main moves under the same files, which would otherwise make Drover rebuild.
        fixture.origin.commit("main", Map.of("traffic/shop.yaml",
                fixture.origin.read("main", "traffic/shop.yaml").replace("# Public DNS", "# The public DNS")), "Reword", GitOrigin.HUMAN);

        Outcome first = pass();
        Outcome second = pass();

        assertThat(first.action()).isEqualTo(Action.WAITING);
        assertThat(first.detail()).contains("someone else's commits");
        assertThat(fixture.origin.tip(FIRST)).isEqualTo(human);
        assertThat(second.action()).isEqualTo(Action.WAITING);
        assertThat(fixture.forge.pull(1).comments()).singleElement().asString().contains("will not rewrite this branch");
    }

    @Test
    void aBaseChangeInTouchedFilesRebuildsTheBranchAndSaysSo() throws Exception {
        ObjectId before = fixture.origin.tip(FIRST);
        ObjectId main = fixture.origin.commit("main", Map.of("traffic/shop.yaml",
                fixture.origin.read("main", "traffic/shop.yaml").replace("drover.io/peak-rps: \"1400\"", "drover.io/peak-rps: \"1300\"")),
                "Lower the shop peak after the load test", GitOrigin.HUMAN);

        Outcome rebuilt = pass();

        assertThat(rebuilt.action()).isEqualTo(Action.REBUILT);
        ObjectId after = fixture.origin.tip(FIRST);
        assertThat(after).isNotEqualTo(before);
        assertThat(fixture.origin.read(FIRST, "traffic/shop.yaml")).contains("peak-rps: \"1300\"", "setIdentifier: prod-euw-03");
        try (var walk = new org.eclipse.jgit.revwalk.RevWalk(fixture.origin.repository())) {
            assertThat(walk.parseCommit(after).getParent(0).getId()).isEqualTo(main);
        }
        assertThat(fixture.forge.pull(1).comments()).singleElement().asString().contains("rebuilt", "traffic/shop.yaml");
        assertThat(pass().action()).isEqualTo(Action.WAITING);
    }

    @Test
    void aBaseChangeElsewhereLeavesTheBranchAlone() throws Exception {
        ObjectId before = fixture.origin.tip(FIRST);
        fixture.origin.commit("main", Map.of("README.md", "Fleet notes\n"), "Notes", GitOrigin.HUMAN);

        assertThat(pass().action()).isEqualTo(Action.WAITING);
        assertThat(fixture.origin.tip(FIRST)).isEqualTo(before);
    }

    @Test
    void contentMergedDifferentlyThanProposedPausesWithAnExplanation() throws Exception {
        fixture.origin.commit(FIRST, Map.of("clusters/prod-euw-03/cluster.yaml",
                fixture.origin.read(FIRST, "clusters/prod-euw-03/cluster.yaml").replace("replicas: 6", "replicas: 4")),
                "Fewer workers", GitOrigin.HUMAN);
        fixture.forge.mergeAsReviewer(1);
        fixture.clock.advance(java.time.Duration.ofHours(1));

        Outcome paused = pass();

        assertThat(paused.action()).isEqualTo(Action.PAUSED);
        assertThat(paused.detail()).contains("clusters/prod-euw-03/cluster.yaml");
        assertThat(fixture.forge.pull(1).comments()).anySatisfy(c -> assertThat(c).contains("differs from what Drover proposed",
                "clusters/prod-euw-03/cluster.yaml"));
        assertThat(fixture.forge.pulls()).hasSize(1);
        assertThat(fixture.forge.pull(1).state()).isEqualTo(State.MERGED);
    }

    @Test
    void whenThePlanChangesTheOpenStepIsClosedBeforeTheNewOneOpens() throws Exception {
        fixture.origin.commit("main", Map.of("rollouts/production-1-31.yaml",
                fixture.origin.read("main", "rollouts/production-1-31.yaml").replace("strategy: blue-green", "strategy: rolling")),
                "Upgrade in place after all", GitOrigin.HUMAN);

        Outcome closed = pass();
        Outcome opened = pass();

        assertThat(closed.action()).isEqualTo(Action.CLOSED_SUPERSEDED);
        assertThat(fixture.forge.pull(1).state()).isEqualTo(State.CLOSED);
        assertThat(fixture.forge.pull(1).comments()).singleElement().asString().contains("no longer next", "drain-prod-euw-01");
        assertThat(opened.action()).isEqualTo(Action.OPENED);
        assertThat(fixture.forge.pulls()).hasSize(2);
        assertThat(fixture.forge.pull(2).request().head()).isEqualTo("drover/production-1-31/drain-prod-euw-01");
        assertThat(fixture.forge.pulls()).filteredOn(p -> p.state() == State.OPEN).hasSize(1);

        // Back to blue/green: the step Drover closed itself is proposed again, not taken for a pause.
        fixture.origin.commit("main", Map.of("rollouts/production-1-31.yaml",
                fixture.origin.read("main", "rollouts/production-1-31.yaml").replace("strategy: rolling", "strategy: blue-green")),
                "Blue/green after all", GitOrigin.HUMAN);
        assertThat(pass().action()).isEqualTo(Action.CLOSED_SUPERSEDED);
        assertThat(pass().action()).isEqualTo(Action.OPENED);
        assertThat(fixture.forge.pull(3).request().head()).isEqualTo(FIRST);
        assertThat(fixture.forge.pulls()).filteredOn(p -> p.state() == State.OPEN).hasSize(1);
    }

    private Outcome pass() throws Exception {
        return reconciler.pass().get(0);
    }
}
