package io.drover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.forge.PullRequest.State;
import io.drover.model.FleetFiles;
import io.drover.reconcile.Outcome.Action;
import io.drover.testing.ExampleFleet;
import io.drover.testing.GitOrigin;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every write that takes Drover more than one request, killed between its requests: a fresh
 * reconciler on the same data directory finishes it, and does nothing twice.
 */
class HalfDoneWritesTest {

    private static final String FIRST = "drover/production-1-31/add-prod-euw-03";

    @RegisterExtension
    final ReconcileFixtures fixtures = new ReconcileFixtures();
    ReconcileFixture fixture;

    @Test
    void aPullRequestCreatedWithoutItsLabelsGetsThemFromTheNextPass() throws Exception {
        fixture = fixtures.anyTime();
        CrashingForge crashing = new CrashingForge(fixture.forge, Set.of("between-open:1"));
        assertThatThrownBy(() -> fixture.freshReconciler(crashing).pass()).isInstanceOf(CrashingForge.Killed.class);
        assertThat(fixture.forge.pull(1).request().labels()).isEmpty();

        Outcome completed = pass();

        assertThat(completed.action()).isEqualTo(Action.UPDATED);
        assertThat(completed.detail()).contains("#1: labels drover, drover/add-cluster");
        assertThat(fixture.forge.pull(1).request().labels()).containsExactly("drover", "drover/add-cluster");
        assertThat(pass().detail()).contains("for review and merge of #1");
        assertThat(fixture.forge.pulls()).hasSize(1);
        assertThat(fixture.forge.writes()).containsExactly("open #1 " + FIRST, "label #1 drover,drover/add-cluster");
    }

    @ParameterizedTest
    @ValueSource(strings = {"before-comment:1", "after-comment:1", "before-edit:1"})
    void aRebuildKilledAfterItsPushIsSaidAndDescribedByTheNextPass(String killedAt) throws Exception {
        fixture = fixtures.anyTime();
        assertThat(pass().action()).isEqualTo(Action.OPENED);
        String before = fixture.forge.pull(1).request().body();
        ObjectId main = fixture.origin.commit("main", Map.of("traffic/shop.yaml",
                fixture.origin.read("main", "traffic/shop.yaml").replace("drover.io/peak-rps: \"1400\"", "drover.io/peak-rps: \"1300\"")),
                "Lower the shop peak after the load test", GitOrigin.HUMAN);
        CrashingForge crashing = new CrashingForge(fixture.forge, Set.of(killedAt));
        assertThatThrownBy(() -> fixture.freshReconciler(crashing).pass()).isInstanceOf(CrashingForge.Killed.class);
        ObjectId rebuilt = fixture.origin.tip(FIRST);

        Outcome completed = pass();
        Outcome after = pass();

        assertThat(completed.action()).isEqualTo(Action.UPDATED);
        assertThat(fixture.origin.tip(FIRST)).as("not rebuilt again").isEqualTo(rebuilt);
        assertThat(fixture.forge.pull(1).comments()).singleElement().asString()
                .contains("rebuilt the step on top of " + main.name().substring(0, 12), "traffic/shop.yaml", rebuilt.name());
        assertThat(fixture.forge.pull(1).request().body()).isNotEqualTo(before).contains("commit=" + rebuilt.name());
        assertThat(after.detail()).contains("for review and merge of #1");
        assertThat(fixture.forge.pulls()).hasSize(1);
    }

    @Test
    void aBodyThePlanHasOutgrownIsRewrittenWithoutTouchingTheBranch() throws Exception {
        fixture = fixtures.anyTime();
        assertThat(pass().action()).isEqualTo(Action.OPENED);
        ObjectId tip = fixture.origin.tip(FIRST);
        String before = fixture.forge.pull(1).request().body();
        fixture.origin.commit("main", Map.of("clusters/prod-use-02/cluster.yaml",
                fixture.origin.read("main", "clusters/prod-use-02/cluster.yaml").replace("drover.io/capacity: \"1000\"",
                        "drover.io/capacity: \"1250\"")), "prod-use-02 grew", GitOrigin.HUMAN);

        Outcome updated = pass();

        assertThat(updated.action()).isEqualTo(Action.UPDATED);
        assertThat(updated.detail()).isEqualTo("#1: title and body");
        assertThat(fixture.origin.tip(FIRST)).isEqualTo(tip);
        assertThat(before).doesNotContain("/1250 rps)");
        assertThat(fixture.forge.pull(1).request().body()).contains("| prod-use-02 |", "40% (500/1250 rps)");
        assertThat(fixture.forge.pull(1).comments()).isEmpty();
        assertThat(pass().detail()).contains("for review and merge of #1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"after-merge:1", "before-comment:1"})
    void anAutoMergeKilledBeforeItsCommentIsSaidByTheNextPass(String killedAt) throws Exception {
        fixture = fixtures.of(autoMergingAddCluster());
        assertThat(pass().action()).isEqualTo(Action.OPENED);
        CrashingForge crashing = new CrashingForge(fixture.forge, Set.of(killedAt));
        assertThatThrownBy(() -> fixture.freshReconciler(crashing).pass()).isInstanceOf(CrashingForge.Killed.class);
        assertThat(fixture.forge.pull(1).state()).isEqualTo(State.MERGED);
        assertThat(fixture.forge.pull(1).comments()).isEmpty();

        Outcome completed = pass();
        Outcome soaking = pass();

        assertThat(completed.action()).isEqualTo(Action.UPDATED);
        assertThat(completed.detail()).startsWith("said on #1 that Drover merged it");
        assertThat(fixture.forge.pull(1).comments()).filteredOn(c -> c.contains("Merged by Drover")).singleElement().asString()
                .contains("`add-cluster`");
        // Then the gate of the merged step is recorded and its soak runs.
        assertThat(soaking.detail()).contains("passed; soaks until");
        assertThat(fixture.origin.read("main", "clusters/prod-euw-03/cluster.yaml")).isNotNull();
        assertThat(fixture.forge.writes()).filteredOn(w -> w.startsWith("merge")).hasSize(1);
    }

    @Test
    void aStepAReviewerMergedIsNotSaidToBeMergedByDrover() throws Exception {
        fixture = fixtures.of(autoMergingAddCluster());
        assertThat(pass().action()).isEqualTo(Action.OPENED);
        fixture.forge.mergeAsReviewer(1);

        assertThat(pass().detail()).contains("soaks");
        assertThat(fixture.forge.pull(1).comments()).noneMatch(c -> c.contains("Merged by Drover"));
    }

    @Test
    void aSupersededCloseKilledAfterItsCommentClosesWithoutSayingItTwice() throws Exception {
        fixture = fixtures.anyTime();
        assertThat(pass().action()).isEqualTo(Action.OPENED);
        fixture.origin.commit("main", Map.of("rollouts/production-1-31.yaml",
                fixture.origin.read("main", "rollouts/production-1-31.yaml").replace("strategy: blue-green", "strategy: rolling")),
                "Upgrade in place after all", GitOrigin.HUMAN);
        CrashingForge crashing = new CrashingForge(fixture.forge, Set.of("after-comment:1"));
        assertThatThrownBy(() -> fixture.freshReconciler(crashing).pass()).isInstanceOf(CrashingForge.Killed.class);
        assertThat(fixture.forge.pull(1).state()).isEqualTo(State.OPEN);

        Outcome closed = pass();
        Outcome opened = pass();

        assertThat(closed.action()).isEqualTo(Action.CLOSED_SUPERSEDED);
        assertThat(fixture.forge.pull(1).state()).isEqualTo(State.CLOSED);
        assertThat(fixture.forge.pull(1).comments()).singleElement().asString().contains("no longer next");
        assertThat(opened.action()).isEqualTo(Action.OPENED);
        assertThat(fixture.forge.pulls()).filteredOn(p -> p.state() == State.OPEN).hasSize(1);
    }

    private Outcome pass() throws Exception {
        return fixture.freshReconciler(fixture.forge).pass().get(0);
    }

    private static FleetFiles autoMergingAddCluster() {
        return ExampleFleet.withFleetPolicy(ExampleFleet.defaultPolicyAnyTime().replace("  autoMerge: []", "  autoMerge: [add-cluster]"));
    }
}
