package io.drover.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.gate.NoHealthGate;
import io.drover.git.BotIdentity;
import io.drover.git.FleetWorkspace;
import io.drover.model.FleetFiles;
import io.drover.reconcile.Outcome;
import io.drover.reconcile.Reconciler;
import io.drover.reconcile.ReconcileSettings;
import io.drover.testing.FakeForge;
import io.drover.testing.GitOrigin;
import io.drover.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost of a {@code serve} pass when nothing changed, and of the passes from a merge to the next
 * pull request, on a generated fleet of {@code -Ddrover.benchmark.clusters} clusters (default 50),
 * through a real bare origin, a real clone with a fetch per pass, and the fake forge. Prints figures;
 * asserts only that the passes did what they are timed for.
 */
class ServePassBenchmark {

    private static final int CLUSTERS = Integer.getInteger("drover.benchmark.clusters", 50);
    /** Empty: the default policy, one cluster per step; else the shipped regional policy with this many in flight. */
    private static final int WARM_UP = 20;
    private static final int MEASURED = 50;

    @TempDir
    Path tmp;

    @Test
    void unchangedPassAndMergeToNextPullRequest() throws Exception {
        FleetFiles files = BenchmarkFleet.of(CLUSTERS);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
        try (GitOrigin origin = GitOrigin.withFiles(tmp.resolve("origin.git"), files);
                FleetWorkspace workspace = FleetWorkspace.open(tmp.resolve("data/repo"), origin.url(),
                        CredentialsProvider.getDefault())) {
            FakeForge forge = new FakeForge(origin, clock);
            Reconciler reconciler = new Reconciler(workspace, forge, new NoHealthGate(), clock,
                    new ReconcileSettings("main", new BotIdentity("Drover", "drover@fleet.example.com"), "drover"));

            long start = System.nanoTime();
            Outcome first = reconciler.pass().get(0);
            long firstPass = System.nanoTime() - start;
            assertThat(first.action()).as(first.detail()).isEqualTo(Outcome.Action.OPENED);

            for (int i = 0; i < WARM_UP; i++) {
                reconciler.pass();
            }
            List<Long> unchanged = new ArrayList<>();
            for (int i = 0; i < MEASURED; i++) {
                long t = System.nanoTime();
                Outcome outcome = reconciler.pass().get(0);
                unchanged.add(System.nanoTime() - t);
                assertThat(outcome.action()).isNotEqualTo(Outcome.Action.OPENED);
            }
            assertThat(forge.pulls()).hasSize(1);

            // Merge, then pass until the next step's pull request is open; soaks pass on the clock, not in wall time.
            forge.mergeAsReviewer(1);
            long merged = System.nanoTime();
            int passes = 0;
            Outcome outcome;
            do {
                outcome = reconciler.pass().get(0);
                passes++;
                clock.advance(Duration.ofMinutes(20));
            } while (outcome.action() != Outcome.Action.OPENED && passes < 20);
            long mergeToNext = System.nanoTime() - merged;
            assertThat(outcome.action()).as(outcome.detail()).isEqualTo(Outcome.Action.OPENED);

            Collections.sort(unchanged);
            System.out.printf("serve benchmark: clusters=%d, %s%n", CLUSTERS,
                    BenchmarkFleet.policyDescription());
            System.out.printf("  first pass (clone fetched, read, plan, open PR): %d ms; first PR: %s%n", firstPass / 1_000_000,
                    shortened(forge.pulls().get(0).request().title()));
            System.out.printf("  next PR: %s%n", shortened(forge.pulls().get(1).request().title()));
            System.out.printf("  peak heap (sum of the pools' peaks): %d MB%n", java.lang.management.ManagementFactory
                    .getMemoryPoolMXBeans().stream().filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024));
            System.out.printf("  unchanged pass after %d warm-up passes, %d measured: median %.1f ms, p90 %.1f ms, max %.1f ms%n",
                    WARM_UP, MEASURED, unchanged.get(MEASURED / 2) / 1e6, unchanged.get(MEASURED * 9 / 10) / 1e6,
                    unchanged.get(MEASURED - 1) / 1e6);
            System.out.printf("  merge -> next PR: %d passes, %d ms of pass time (policy soak skipped on the clock)%n",
                    passes, mergeToNext / 1_000_000);
        }
    }

    private static String shortened(String title) {
        return title.length() <= 100 ? title : title.substring(0, 100) + "...";
    }
}
