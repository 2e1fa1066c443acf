package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.HostnameTraffic;
import io.drover.planning.capacity.ClusterLoad;
import io.drover.planning.capacity.TrafficState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListedRowsTest {

    @Test
    void smallMovesAreListedOnceTheyAddUpToHalfARequestPerSecond() {
        ListedRows listed = new ListedRows(state(row("a", 100, 400.0), row("b", 100, 400.0)));

        ListedRows.Changes first = listed.next(state(row("a", 100, 400.3), row("b", 100, 399.7)));
        ListedRows.Changes second = listed.next(state(row("a", 100, 400.6), row("b", 100, 399.8)));

        assertThat(first.moved()).isEmpty();
        assertThat(second.moved()).extracting(ClusterLoad::cluster).containsExactly("a");
        assertThat(listed.next(state(row("a", 100, 400.9), row("b", 100, 399.8))).moved()).isEmpty();
    }

    @Test
    void aChangedWeightIsListedWhateverTheLoadAndAClusterLeftOutIsGone() {
        ListedRows listed = new ListedRows(state(row("a", 100, 400.0), row("b", 100, 400.0), row("c", 0, 0)));

        ListedRows.Changes changes = listed.next(state(row("a", 90, 400.0), row("b", 100, 400.0), row("d", 0, 0)));

        assertThat(changes.moved()).extracting(ClusterLoad::cluster).containsExactly("a", "d");
        assertThat(changes.gone()).containsExactly("c");
        assertThat(changes.clusters()).isEqualTo(3);
        assertThat(listed.next(state(row("a", 90, 400.0), row("b", 100, 400.0), row("d", 0, 0))).moved()).isEmpty();
    }

    private static ClusterLoad row(String cluster, int weight, double load) {
        return new ClusterLoad(cluster, Map.of("web.example.com", weight), load, 1000);
    }

    private static TrafficState state(ClusterLoad... rows) {
        return new TrafficState(List.of(new HostnameTraffic("web", "web.example.com", "traffic/web.yaml", 800, Map.of())),
                List.of(rows));
    }
}
