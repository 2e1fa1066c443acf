package io.drover.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two replicas elect on a Lease in fabric8's mock API server (CRUD mode: real create, get, update, conflicts). */
@EnableKubernetesMockClient(crud = true)
class LeaseLeadershipTest {

    /** Short to keep the test quick, with room for a renewal delayed on a busy machine. */
    private static final LeaseLeadership.Timing FAST = new LeaseLeadership.Timing(Duration.ofMillis(3000), Duration.ofMillis(2000),
            Duration.ofMillis(250));
    private static final Duration WITHIN = Duration.ofSeconds(10);

    static KubernetesClient client;

    private final AtomicInteger gainedA = new AtomicInteger();
    private final LeaseLeadership a = new LeaseLeadership(client, "fleet", "drover", "drover-a", FAST, gainedA::incrementAndGet);
    private final LeaseLeadership b = new LeaseLeadership(client, "fleet", "drover", "drover-b", FAST, () -> { });

    @AfterEach
    void stop() {
        a.close();
        b.close();
        client.leases().inNamespace("fleet").withName("drover").delete();
    }

    @Test
    void ofTwoStartedTogetherExactlyOneLeadsAndHoldsTheLease() {
        // Both find no lease and create it: the mock answers the second create with 409, which must not make a leader.
        a.start();
        b.start();

        await().atMost(WITHIN).until(() -> a.isLeader() || b.isLeader());
        await().during(Duration.ofMillis(1500)).atMost(WITHIN).until(() -> a.isLeader() ^ b.isLeader());

        String leader = a.isLeader() ? "drover-a" : "drover-b";
        assertThat(holder()).isEqualTo(leader);
        // Both have read the Lease and know who leads: what readiness waits for with leader election on.
        await().atMost(WITHIN).until(() -> a.leaseRead() && b.leaseRead());
        assertThat(a.leader()).contains(leader);
        assertThat(b.leader()).contains(leader);
    }

    @Test
    void whenTheLeaderStopsTheOtherTakesOver() {
        a.start();
        await().atMost(WITHIN).until(a::isLeader);
        b.start();
        await().during(Duration.ofMillis(500)).atMost(WITHIN).until(() -> !b.isLeader());

        a.close();

        assertThat(a.isLeader()).isFalse();
        await().atMost(WITHIN).until(b::isLeader);
        assertThat(holder()).isEqualTo("drover-b");
        assertThat(gainedA).hasValue(1);
    }

    @Test
    void aLeaseTakenOverElsewhereEndsLeadershipAndNeverMakesTwoLeaders() {
        a.start();
        await().atMost(WITHIN).until(a::isLeader);
        b.start();
        // Another holder writes the lease behind the leader's back: the leader's next renewal conflicts with it.
        // The mock server locks optimistically as Kubernetes does, so this write itself may lose a race (409): retry.
        await().atMost(WITHIN).ignoreExceptions().until(() -> client.leases().inNamespace("fleet").withName("drover").edit(lease -> {
            lease.getSpec().setHolderIdentity("drover-elsewhere");
            lease.getSpec().setRenewTime(ZonedDateTime.now());
            return lease;
        }) != null);

        await().atMost(WITHIN).until(() -> !a.isLeader());
        // The other holder never renews, so its lease runs out and one replica (not two) takes it.
        await().during(Duration.ofMillis(2500)).atMost(WITHIN).until(() -> !(a.isLeader() && b.isLeader()));
        await().atMost(WITHIN).until(() -> a.isLeader() ^ b.isLeader());
        assertThat(holder()).isEqualTo(a.isLeader() ? "drover-a" : "drover-b");
    }

    private static String holder() {
        Lease lease = client.leases().inNamespace("fleet").withName("drover").get();
        return lease.getSpec().getHolderIdentity();
    }
}
