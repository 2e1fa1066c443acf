package io.drover.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.fleet.FleetReadMemo;
import io.drover.fleet.FleetReader;
import io.drover.model.Fleet;
import io.drover.model.FileChange;
import io.drover.model.FleetFiles;
import io.drover.model.Rollout;
import io.drover.testing.ExampleFleet;
import io.drover.testing.FullPlan;
import io.drover.testing.Planning;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The selection carried from state to state is the selection matched from scratch: on every step
 * of plans (clusters added, relabelled, upgraded and retired), and after edits that move a kept
 * cluster in or out of the rollout.
 */
class SelectedClustersTest {

    @ParameterizedTest
    @ValueSource(strings = {"blue-green", "rolling", "canary-fleet"})
    void carriedOverEveryStepOfAPlanItIsTheSelectionOfTheState(String strategy) throws Exception {
        FleetFiles start = ExampleFleet.withStrategy(strategy);
        FullPlan plan = Planning.plan(start);
        FleetReadMemo memo = new FleetReadMemo();
        Fleet state = FleetReader.read(start, memo);
        Rollout rollout = state.rollouts().values().iterator().next();
        SelectedClusters carried = SelectedClusters.of(state, rollout);
        for (Step step : plan.steps()) {
            state = stepped(state, step.changes(), memo);
            carried = carried.next(state);
            assertSameAs(carried, SelectedClusters.of(state, rollout), step.id());
        }
        assertThat(carried.belowTarget()).as("at the end").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging-euw-01", "prod-euw-01"})
    void aClusterWhoseLabelsChangeIsMatchedAgain(String cluster) throws Exception {
        FleetReadMemo memo = new FleetReadMemo();
        Fleet state = FleetReader.read(ExampleFleet.files(), memo);
        Rollout rollout = state.rollouts().values().iterator().next();
        SelectedClusters carried = SelectedClusters.of(state, rollout);
        String path = "clusters/" + cluster + "/cluster.yaml";
        String text = state.files().read(path).orElseThrow();
        String swapped = text.contains("env: staging") ? text.replace("env: staging", "env: production")
                : text.replace("env: production", "env: staging");
        Fleet after = stepped(state, List.of(FileChange.modify(path, text, swapped)), memo);

        SelectedClusters next = carried.next(after);

        assertSameAs(next, SelectedClusters.of(after, rollout), "after relabelling " + cluster);
        assertThat(next.selected().stream().anyMatch(c -> c.name().equals(cluster)))
                .isNotEqualTo(carried.selected().stream().anyMatch(c -> c.name().equals(cluster)));
    }

    private static Fleet stepped(Fleet state, List<FileChange> changes, FleetReadMemo memo) throws Exception {
        return FleetReader.read(state, state.files().apply(changes), changes.stream().map(FileChange::path).toList(), memo);
    }

    private static void assertSameAs(SelectedClusters carried, SelectedClusters matched, String when) {
        assertThat(carried.selected()).as("selected, %s", when).containsExactlyElementsOf(matched.selected());
        assertThat(carried.belowTarget()).as("below target, %s", when).containsExactlyElementsOf(matched.belowTarget());
    }
}
