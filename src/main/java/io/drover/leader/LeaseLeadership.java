package io.drover.leader;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Leadership held on a Kubernetes Lease with fabric8's leader elector. The flag is dropped the
 * moment the elector stops leading (renewal failed, lease conflict, cancel): the renew deadline is
 * shorter than the lease, so this instance stops writing before another can take over. Then it
 * stands by in a new election round (an elector runs once), rather than exiting the process.
 */
public final class LeaseLeadership implements Leadership, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LeaseLeadership.class);

    /** How long a lease lasts unrenewed, how long the leader keeps trying to renew, how often candidates try. */
    public record Timing(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {

        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));
    }

    private final KubernetesClient client;
    private final LeaseLock lock;
    private final String lease;
    private final String identity;
    private final Timing timing;
    private final Runnable onGained;
    private final AtomicBoolean leader = new AtomicBoolean();
    private volatile Optional<String> holder = Optional.empty();
    private volatile boolean leaseRead;
    private volatile boolean closed;
    private volatile CompletableFuture<?> running = CompletableFuture.completedFuture(null);

    /** {@code onGained} runs each time this instance becomes leader (e.g. to start a pass at once). */
    public LeaseLeadership(KubernetesClient client, String namespace, String leaseName, String identity, Timing timing,
            Runnable onGained) {
        this.client = client;
        this.lock = new LeaseLock(namespace, leaseName, identity);
        this.lease = namespace + "/" + leaseName;
        this.identity = identity;
        this.timing = timing;
        this.onGained = onGained;
    }

    /** Joins the election; returns at once, leadership comes when the lease is won. */
    public synchronized LeaseLeadership start() {
        if (!closed) {
            CompletableFuture<?> round = client.leaderElector().withConfig(config()).build().start();
            running = round;
            round.whenComplete((ignored, failure) -> {
                leader.set(false);
                if (failure != null && !round.isCancelled()) {
                    LOG.warnf("leader election for lease %s stopped: %s", lease, failure.toString());
                }
                if (!closed) {
                    start();
                }
            });
        }
        return this;
    }

    @Override
    public boolean isLeader() {
        return leader.get();
    }

    /** The leader as last read from the Lease (this replica or another); empty before, and while none holds it. */
    public Optional<String> leader() {
        return holder;
    }

    /** Whether this replica has read the Lease at least once: it reaches the Kubernetes API and is in the election. */
    public boolean leaseRead() {
        return leaseRead;
    }

    /** Leaves the election; a leader releases the lease so that a stand-by takes over without waiting for it to expire. */
    @Override
    public synchronized void close() {
        closed = true;
        leader.set(false);
        running.cancel(true);
    }

    private LeaderElectionConfig config() {
        return new LeaderElectionConfigBuilder()
                .withName("drover")
                .withLock(lock)
                .withLeaseDuration(timing.leaseDuration())
                .withRenewDeadline(timing.renewDeadline())
                .withRetryPeriod(timing.retryPeriod())
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(this::gained, this::lost, this::newLeader))
                .build();
    }

    private void gained() {
        leader.set(true);
        LOG.infof("leader now (lease %s as %s): passes run here", lease, identity);
        onGained.run();
    }

    private void lost() {
        if (leader.getAndSet(false)) {
            LOG.warnf("leadership of lease %s lost: writes stopped at once, standing by", lease);
        }
    }

    private void newLeader(String holder) {
        // A released Lease names no holder.
        this.holder = Optional.of(holder).filter(h -> !h.isEmpty());
        this.leaseRead = true;
        if (!holder.isEmpty() && !holder.equals(identity)) {
            LOG.infof("leader is %s; this instance (%s) stands by", holder, identity);
        }
    }
}
