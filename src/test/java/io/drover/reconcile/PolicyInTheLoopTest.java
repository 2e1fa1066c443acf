package io.drover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.FleetFiles;
import io.drover.reconcile.Outcome.Action;
import io.drover.testing.ExampleFleet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyInTheLoopTest {

    @TempDir
    Path tmp;

    @Test
    void noStepIsProposedDuringAFreezeWindow() throws Exception {
        FleetFiles files = withPolicy(ReconcileFixture.shippedDefault().replace("  freezeWindows: []", """
                  freezeWindows:
                    - name: retail-peak
                      from: 2026-11-23
                      until: 2026-11-25
                      timeZone: UTC
                """.stripTrailing()));
        try (ReconcileFixture fixture = new ReconcileFixture(tmp, files)) {
            Reconciler reconciler = fixture.freshReconciler(fixture.forge);

            Outcome frozen = reconciler.pass().get(0);
            assertThat(frozen.action()).isEqualTo(Action.WAITING);
            assertThat(frozen.detail()).contains("freeze window retail-peak");
            assertThat(fixture.forge.pulls()).isEmpty();

            fixture.clock.set(Instant.parse("2026-11-26T09:00:00Z"));
            assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.OPENED);
        }
    }

    @Test
    void aFreezeAfterAMergeIsAnnouncedOnceOnThatPullRequestWithWhenDroverGoesOn() throws Exception {
        FleetFiles files = withPolicy(ReconcileFixture.shippedDefault().replace("  freezeWindows: []", """
                  freezeWindows:
                    - name: retail-peak
                      from: 2026-11-25
                      until: 2026-11-27
                      timeZone: UTC
                """.stripTrailing()));
        try (ReconcileFixture fixture = new ReconcileFixture(tmp, files)) {
            Reconciler reconciler = fixture.freshReconciler(fixture.forge);
            assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.OPENED);
            fixture.forge.mergeAsReviewer(1);
            fixture.clock.set(Instant.parse("2026-11-25T10:00:00Z"));
            assertThat(reconciler.pass().get(0).detail()).contains("gate of add-prod-euw-03 passed");
            fixture.clock.advance(java.time.Duration.ofMinutes(10));

            Outcome frozen = reconciler.pass().get(0);
            reconciler.pass();

            // The freeze ends with Friday 27 November; the default change windows then skip the weekend.
            assertThat(frozen.detail()).contains("freeze window retail-peak", "not before 2026-11-30T08:00:00Z");
            assertThat(frozen.comeBackAt()).contains(Instant.parse("2026-11-30T08:00:00Z"));
            assertThat(fixture.forge.pull(1).comments()).filteredOn(c -> c.contains("freeze window")).singleElement().asString()
                    .contains("freeze window retail-peak", "not before 2026-11-30T08:00:00Z");
            assertThat(fixture.forge.pulls()).hasSize(1);
        }
    }

    @Test
    void noStepIsProposedOutsideTheChangeWindows() throws Exception {
        try (ReconcileFixture fixture = new ReconcileFixture(tmp, io.drover.testing.ExampleFleet.files())) {
            fixture.clock.set(Instant.parse("2026-11-28T10:00:00Z")); // a Saturday
            Reconciler reconciler = fixture.freshReconciler(fixture.forge);

            Outcome weekend = reconciler.pass().get(0);
            assertThat(weekend.action()).isEqualTo(Action.WAITING);
            assertThat(weekend.detail()).contains("outside the change windows of policy default");
            assertThat(fixture.forge.pulls()).isEmpty();

            fixture.clock.set(Instant.parse("2026-11-30T08:30:00Z")); // Monday, working hours
            assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.OPENED);
        }
    }

    @Test
    void anAllowedStepKindIsMergedByDroverOnceMergeable() throws Exception {
        FleetFiles files = withPolicy(ExampleFleet.defaultPolicyAnyTime().replace("  autoMerge: []", "  autoMerge: [add-cluster]"));
        try (ReconcileFixture fixture = new ReconcileFixture(tmp, files)) {
            Reconciler reconciler = fixture.freshReconciler(fixture.forge);
            assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.OPENED);

            fixture.forge.mergeable = false;
            Outcome pending = reconciler.pass().get(0);
            assertThat(pending.action()).isEqualTo(Action.WAITING);
            assertThat(pending.detail()).contains("auto-merge of #1: checks pending");

            fixture.forge.mergeable = true;
            Outcome merged = reconciler.pass().get(0);
            assertThat(merged.action()).isEqualTo(Action.MERGED);
            assertThat(fixture.forge.pull(1).comments()).singleElement().asString().contains("Merged by Drover", "add-cluster");

            // The next step (enroll) is not auto-merged: it waits for its soak, then opens and waits for review.
            assertThat(reconciler.pass().get(0).detail()).contains("soaks");
            fixture.clock.advance(Duration.ofMinutes(6));
            assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.OPENED);
            assertThat(reconciler.pass().get(0).detail()).contains("for review and merge of #2");
        }
    }

    private static FleetFiles withPolicy(String policy) {
        return ExampleFleet.withFleetPolicy(policy);
    }
}
