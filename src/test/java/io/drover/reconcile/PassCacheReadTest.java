package io.drover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.fleet.FleetReadMemo;
import io.drover.fleet.FleetReader;
import io.drover.fleet.InvalidFleetException;
import io.drover.git.FleetWorkspace;
import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.planning.Planner;
import io.drover.testing.GitOrigin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new commit is read as the step after the last commit whose fleet read, given the paths that
 * differ between the two trees: it reads as a whole read of the commit does, valid or not.
 */
class PassCacheReadTest {

    private static final String CLUSTER = "clusters/prod-euw-01/cluster.yaml";
    private static final String SECRET = "argocd/clusters/prod-euw-01.yaml";

    @TempDir
    Path tmp;

    private final AtomicInteger wholeReads = new AtomicInteger();
    private final List<Collection<String>> stepReads = new ArrayList<>();
    private final PassCache cache = new PassCache(Planner::firstSteps, new PassCache.ReadFunction() {
        @Override
        public Fleet read(FleetFiles files, FleetReadMemo memo) throws InvalidFleetException {
            wholeReads.incrementAndGet();
            return FleetReader.read(files, memo);
        }

        @Override
        public Fleet read(Fleet before, FleetFiles files, Collection<String> changed, FleetReadMemo memo)
                throws InvalidFleetException {
            stepReads.add(changed);
            return FleetReader.read(before, files, changed, memo);
        }
    });

    @Test
    void eachCommitAfterTheFirstIsReadAsAStepAndReadsAsAWholeRead() throws Exception {
        try (GitOrigin origin = GitOrigin.withFiles(tmp.resolve("origin.git"), ReconcileFixture.exampleAnyTime());
                FleetWorkspace workspace = FleetWorkspace.reading(origin.repository())) {
            String cluster = origin.read("main", CLUSTER);
            String secret = origin.read("main", SECRET);
            cache.at(workspace, origin.tip("main").name());

            String resized = commit(origin, Map.of(CLUSTER, cluster.replace("drover.io/capacity: \"1200\"",
                    "drover.io/capacity: \"900\"")));
            PassCache.Snapshot read = cache.at(workspace, resized);
            assertThat(read.fleet().orElseThrow().cluster("prod-euw-01").orElseThrow().capacityRps()).isEqualTo(900);
            assertThat(read.fleet()).contains(FleetReader.read(read.files()));

            Map<String, String> noSecret = new HashMap<>();
            noSecret.put(SECRET, null);
            PassCache.Snapshot broken = cache.at(workspace, commit(origin, noSecret));
            assertThat(broken.invalid().orElseThrow().problems())
                    .isEqualTo(problems(broken.files())).isNotEmpty();

            // Read after the last commit that read, the one resized (not the broken one), whose tree it has again.
            PassCache.Snapshot mended = cache.at(workspace, commit(origin, Map.of(SECRET, secret)));
            assertThat(mended.fleet()).contains(FleetReader.read(mended.files()));

            assertThat(wholeReads.get()).isEqualTo(1);
            assertThat(stepReads).containsExactly(List.of(CLUSTER), List.of(SECRET), List.of());
        }
    }

    private static String commit(GitOrigin origin, Map<String, String> files) throws Exception {
        return origin.commit("main", files, "Edit the fleet", GitOrigin.HUMAN).name();
    }

    private static Object problems(FleetFiles files) {
        try {
            FleetReader.read(files);
            return List.of();
        } catch (InvalidFleetException e) {
            return e.problems();
        }
    }
}
