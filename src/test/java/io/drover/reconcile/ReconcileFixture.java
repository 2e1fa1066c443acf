package io.drover.reconcile;

import io.drover.forge.Forge;
import io.drover.gate.Gate;
import io.drover.gate.NoHealthGate;
import io.drover.git.BotIdentity;
import io.drover.git.FleetWorkspace;
import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.model.StepKind;
import io.drover.testing.ExampleFleet;
import io.drover.testing.FakeForge;
import io.drover.testing.GitOrigin;
import io.drover.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.transport.CredentialsProvider;

/** The example fleet in a real bare origin, a fake forge on it, and reconcilers over a data directory. */
final class ReconcileFixture implements AutoCloseable {

    static final BotIdentity BOT = new BotIdentity("Drover", "drover@fleet.example.com");
    static final ReconcileSettings SETTINGS = new ReconcileSettings("main", BOT, "drover");
    /** A Tuesday morning, inside the default policy's working hours. */
    static final Instant START = Instant.parse("2026-11-24T09:00:00Z");

    final GitOrigin origin;
    final MutableClock clock = new MutableClock(START);
    final FakeForge forge;
    final Path dataDir;
    private final List<FleetWorkspace> opened = new ArrayList<>();

    ReconcileFixture(Path tmp, FleetFiles files) throws Exception {
        origin = GitOrigin.withFiles(tmp.resolve("origin.git"), files);
        forge = new FakeForge(origin, clock);
        dataDir = tmp.resolve("data/repo");
    }

    /** The example, with a fleet policy that has no change windows, so that a long run stays inside them. */
    static FleetFiles exampleAnyTime() {
        return ExampleFleet.withFleetPolicy(ExampleFleet.defaultPolicyAnyTime());
    }

    static String shippedDefault() {
        return ExampleFleet.shippedPolicy("default");
    }

    /** A gate that fails every check, as Argo CD reporting shop-prod-euw-03 Degraded would; it waits for what no gate waits for. */
    static Gate failingGate() {
        return new Gate() {
            @Override
            public Result check(Request request) {
                return new Gate.Result.Failed("shop-prod-euw-03 Degraded", List.of());
            }

            @Override
            public String waitsFor(StepKind kind, List<String> clusters, Fleet before, Fleet after) {
                return new NoHealthGate().waitsFor(kind, clusters, before, after);
            }
        };
    }

    /** A reconciler as a freshly started service would build it: a new workspace on the same data directory. */
    Reconciler freshReconciler(Forge forge) throws Exception {
        return freshReconciler(forge, new NoHealthGate());
    }

    /** The same, with a gate of the test's choice. */
    Reconciler freshReconciler(Forge forge, Gate gate) throws Exception {
        return freshReconciler(forge, gate, io.drover.leader.AlwaysLeader.INSTANCE);
    }

    /** One of several replicas, writing only while {@code leadership} says so. */
    Reconciler freshReconciler(Forge forge, Gate gate, io.drover.leader.Leadership leadership) throws Exception {
        return freshReconciler(forge, gate, leadership, view -> { });
    }

    /** The same, publishing each rollout's view to {@code views} after every pass. */
    Reconciler freshReconciler(Forge forge, Gate gate, io.drover.leader.Leadership leadership,
            java.util.function.Consumer<io.drover.status.RolloutView> views) throws Exception {
        FleetWorkspace workspace = FleetWorkspace.open(dataDir, origin.url(), CredentialsProvider.getDefault());
        opened.add(workspace);
        return new Reconciler(workspace, forge, gate, clock, SETTINGS, leadership, views);
    }

    /** Merges whatever Drover opened and lets time pass beyond any soak, until a pass reports the rollout done. */
    List<Outcome> runToCompletion(java.util.concurrent.Callable<Reconciler> reconcilers, int maxPasses) throws Exception {
        List<Outcome> log = new ArrayList<>();
        for (int i = 0; i < maxPasses; i++) {
            Outcome outcome = reconcilers.call().pass().get(0);
            log.add(outcome);
            switch (outcome.action()) {
                case DONE -> {
                    return log;
                }
                case OPENED -> {
                    int number = forge.pulls().size();
                    forge.mergeAsReviewer(number);
                }
                case WAITING -> clock.advance(Duration.ofMinutes(20));
                case BLOCKED, PAUSED -> throw new AssertionError("rollout stopped: " + outcome);
                default -> {
                }
            }
        }
        throw new AssertionError("not done after " + maxPasses + " passes: " + log.subList(Math.max(0, log.size() - 5), log.size()));
    }

    @Override
    public void close() {
        opened.forEach(FleetWorkspace::close);
        origin.close();
    }
}
