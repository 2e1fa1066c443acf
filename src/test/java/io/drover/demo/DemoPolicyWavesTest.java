package io.drover.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.FleetFiles;
import io.drover.policy.Policy;
import io.drover.policy.PolicyCatalog;
import io.drover.policy.PolicyReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo's policy keeps the waves of the policy it is made from. */
class DemoPolicyWavesTest {

    @Test
    void theDemoPolicyOfRegionalMovesTheSameWavesInTheSameStages() throws Exception {
        Policy regional = PolicyCatalog.find(FleetFiles.of(Map.of()), "regional").orElseThrow();

        Policy demo = PolicyReader.read("policies/demo.yaml", new DemoPolicy(regional, 60).yaml());

        assertThat(demo.clustersInFlight()).isEqualTo(regional.clustersInFlight());
        assertThat(demo.stages()).isEqualTo(regional.stages()).isPresent();
    }
}
