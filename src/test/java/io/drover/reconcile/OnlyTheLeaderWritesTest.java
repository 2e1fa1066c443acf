package io.drover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.gate.NoHealthGate;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The act gateway asks for leadership before every write: a replica that is not the leader decides and reports only. */
class OnlyTheLeaderWritesTest {

    @TempDir
    Path tmp;

    @Test
    void aReplicaThatIsNotTheLeaderWritesNothingAndTheLeaderCarriesOn() throws Exception {
        AtomicBoolean leading = new AtomicBoolean(false);
        try (ReconcileFixture fixture = new ReconcileFixture(tmp, ReconcileFixture.exampleAnyTime())) {
            Reconciler replica = fixture.freshReconciler(fixture.forge, new NoHealthGate(), leading::get);

            Outcome standingBy = replica.pass().get(0);

            assertThat(standingBy.action()).isEqualTo(Outcome.Action.WAITING);
            assertThat(standingBy.toString()).contains("not the leader").contains("open ");
            assertThat(fixture.forge.writes()).isEmpty();
            assertThat(fixture.origin.repository().getRefDatabase().getRefsByPrefix("refs/heads/drover/")).isEmpty();

            leading.set(true);
            Outcome leader = replica.pass().get(0);

            assertThat(leader.action()).isEqualTo(Outcome.Action.OPENED);
            assertThat(fixture.forge.writes()).filteredOn(w -> w.startsWith("open")).hasSize(1);
        }
    }
}
