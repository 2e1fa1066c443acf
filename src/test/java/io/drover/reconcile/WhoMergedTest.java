package io.drover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.audit.StepTrail;
import io.drover.audit.TrailReader;
import io.drover.gate.Gate;
import io.drover.gate.NoHealthGate;
import io.drover.git.FleetWorkspace;
import io.drover.model.StepKind;
import io.drover.reconcile.Outcome.Action;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who merged each step reaches the audit trail, read back from Git alone: the forge is asked when
 * Drover records the step's merge, whether its gate then passes or fails.
 */
class WhoMergedTest {

    @TempDir
    Path tmp;
    ReconcileFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aStepWhoseGatePassedNamesWhoMergedIt() throws Exception {
        fixture = new ReconcileFixture(tmp, ReconcileFixture.exampleAnyTime());
        Reconciler reconciler = fixture.freshReconciler(fixture.forge);
        reconciler.pass();
        fixture.forge.mergeAs("alice", 1);

        assertThat(reconciler.pass().get(0).detail()).contains("passed; soaks until");

        StepTrail step = steps().get(0);
        assertThat(step.mergedBy()).contains("alice");
        assertThat(step.pr()).hasValueSatisfying(pr -> assertThat(pr.number()).isEqualTo(1));
    }

    @Test
    void aStepWhoseGateFailedIsRecordedAsMergedAndByWhom() throws Exception {
        fixture = new ReconcileFixture(tmp, ReconcileFixture.exampleAnyTime());
        Reconciler reconciler = fixture.freshReconciler(fixture.forge, failing());
        reconciler.pass();
        fixture.forge.mergeAs("bob", 1);

        assertThat(reconciler.pass().get(0).action()).isEqualTo(Action.PAUSED);

        StepTrail step = steps().get(0);
        assertThat(step.mergedBy()).contains("bob");
        assertThat(step.events()).extracting(e -> e.event().event()).containsExactly("gate-failed");
        // A later pass (the failure is sticky) adds no second line.
        reconciler.pass();
        assertThat(steps()).singleElement().satisfies(s -> assertThat(s.events()).hasSize(1));
    }

    private static Gate failing() {
        return new Gate() {
            @Override
            public Result check(Request request) {
                return new Gate.Result.Failed("shop-prod-euw-03 Degraded", List.of());
            }

            @Override
            public String waitsFor(StepKind kind, List<String> clusters, io.drover.model.Fleet before, io.drover.model.Fleet after) {
                return new NoHealthGate().waitsFor(kind, clusters, before, after);
            }
        };
    }

    private List<StepTrail> steps() throws Exception {
        try (var history = FleetWorkspace.reading(fixture.origin.repository())) {
            var trail = TrailReader.read(history, "main", fixture.origin.tip("main").name());
            return trail.rollouts().stream().filter(r -> r.name().equals("production-1-31")).findFirst().orElseThrow().steps();
        }
    }
}
