package io.drover.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.FleetFiles;
import io.drover.testing.FullPlan;
import io.drover.testing.GeneratedFleet;
import io.drover.testing.Planning;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A plan made with the traffic file's weights spliced ({@link YamlFile#splice}) is the plan made
 * with every edited text parsed whole: the same steps, texts, traffic states and verdicts. The
 * fleet is large enough that its traffic file is spliced (the example fleet's, and the golden
 * plans' generated fleets', are too small to be).
 */
class SplicedPlanTest {

    @Test
    void aPlanWithSplicesIsThePlanWithWholeParses() throws Exception {
        FleetFiles files = fleet(80);
        assertThat(files.read("traffic/web.yaml").orElseThrow().length()).isGreaterThan(RecentParses.MIN_CHARS);

        YamlFile.forgetRecent();
        long splicedBefore = YamlFile.SPLICED.get();
        FullPlan spliced = Planning.plan(files);
        assertThat(YamlFile.SPLICED.get() - splicedBefore).as("traffic files spliced").isGreaterThan(100);
        FullPlan parsed;
        try {
            YamlFile.splicing = false;
            YamlFile.forgetRecent();
            parsed = Planning.plan(files);
        } finally {
            YamlFile.splicing = true;
            YamlFile.forgetRecent();
        }

        assertThat(spliced.steps()).hasSizeGreaterThan(100);
        assertThat(spliced).isEqualTo(parsed);
    }

    private static FleetFiles fleet(int size) {
        List<Integer> capacities = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            capacities.add(500 + 100 * (i * 7 % 10));
            weights.add(i % 3 == 0 ? 100 : 50 + 10 * (i * 3 % 10));
        }
        int peak = capacities.stream().mapToInt(Integer::intValue).sum() * 30 / 100;
        return GeneratedFleet.of(new GeneratedFleet.Spec(List.of("eu", "us", "ap", "sa"), capacities, weights, peak,
                "v1.30.2", "v1.31.0", "blue-green"));
    }
}
