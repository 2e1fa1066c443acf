package io.drover.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The layout check asks about the fleet directories only, so it answers at once whatever lies below. */
class FleetLayoutTest {

    @Test
    void asksOnlyAboutTheFleetDirectories() throws Exception {
        List<String> asked = new ArrayList<>();

        List<Problem> missing = FleetLayout.missing(path -> asked.add(path) && false);

        assertThat(asked).containsExactly("clusters", "argocd/clusters", "argocd/applicationsets", "traffic");
        assertThat(FleetLayout.isNone(missing)).isTrue();
    }

    @Test
    void aFleetLackingSomeDirectoriesGetsAProblemForEach() throws Exception {
        Set<String> present = Set.of("clusters", "argocd/clusters");

        List<Problem> missing = FleetLayout.missing(present::contains);

        assertThat(FleetLayout.isNone(missing)).isFalse();
        assertThat(missing).extracting(Problem::path).containsExactly("argocd/applicationsets/", "traffic/");
        assertThat(missing.get(1).message()).isEqualTo("no such directory; it holds the weighted DNS records"
                + " (external-dns DNSEndpoints)");
        assertThat(missing.get(1).fix()).contains("docs/fleet-repo-format.md");
    }

    @Test
    void aCompleteLayoutHasNoProblem() throws Exception {
        assertThat(FleetLayout.missing(path -> true)).isEmpty();
    }
}
