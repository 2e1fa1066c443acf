package io.drover.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.FleetFiles;
import io.drover.testing.ExampleFleet;
import io.drover.testing.FullPlan;
import io.drover.testing.Planning;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The property the stateless service rests on: planning the repo as it is after steps 1..k are
 * merged gives exactly steps k+1..n, with the same ids and the same edits.
 */
class ReplanTest {

    @ParameterizedTest
    @ValueSource(strings = {"blue-green", "rolling", "canary-fleet"})
    void replanningAfterAnyPrefixGivesTheRest(String strategy) throws Exception {
        FleetFiles start = ExampleFleet.withStrategy(strategy);
        FullPlan full = Planning.plan(start);
        assertThat(full.steps()).isNotEmpty();

        for (int k = 0; k <= full.steps().size(); k++) {
            FullPlan rest = Planning.plan(Planning.afterSteps(start, full, k));
            List<Step> expected = full.steps().subList(k, full.steps().size());
            assertThat(rest.steps()).as("after %d steps", k).extracting(Step::id)
                    .containsExactlyElementsOf(expected.stream().map(Step::id).toList());
            assertThat(rest.steps()).as("edits after %d steps", k).extracting(Step::changes)
                    .containsExactlyElementsOf(expected.stream().map(Step::changes).toList());
        }
    }
}
