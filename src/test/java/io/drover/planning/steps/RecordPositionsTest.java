package io.drover.planning.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.FileChange;
import io.drover.model.FleetFiles;
import io.drover.model.HostnameTraffic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A weight is written into the record of the cluster named, whatever the positions remembered
 * from earlier states of a DNSEndpoint at the same path say: a record moved, removed above, or a
 * file at the same path with its records in another order.
 */
class RecordPositionsTest {

    private static final String PATH = "traffic/positions-test.yaml";

    @Test
    void aWeightLandsInTheNamedRecordWhereverEarlierStatesHadIt() {
        FleetFiles first = files("a", "b", "c", "d");
        assertThat(weightsAfter(first, "c", 7)).containsExactly("a=100", "b=100", "c=7", "d=100");

        // The same DNSEndpoint with its records in the opposite order: every remembered position is wrong.
        FleetFiles reversed = files("d", "c", "b", "a");
        assertThat(weightsAfter(reversed, "a", 9)).containsExactly("d=100", "c=100", "b=100", "a=9");
        assertThat(weightsAfter(reversed, "c", 5)).containsExactly("d=100", "c=5", "b=100", "a=100");

        // A record above removed: the others are one place earlier than remembered.
        FleetFiles removed = files("d", "b", "a");
        assertThat(weightsAfter(removed, "a", 3)).containsExactly("d=100", "b=100", "a=3");
        assertThat(weightsAfter(removed, "b", 4)).containsExactly("d=100", "b=4", "a=100");

        // A record added at the end since the last walk, and one that is neither there nor where it was.
        FleetFiles added = files("d", "b", "a", "e");
        assertThat(weightsAfter(added, "e", 6)).containsExactly("d=100", "b=100", "a=100", "e=6");
        FleetFiles moved = files("e", "d", "b", "a");
        assertThat(weightsAfter(moved, "e", 8)).containsExactly("e=8", "d=100", "b=100", "a=100");

        // Records removed above: found a few places before where they were.
        FleetFiles twoRemoved = files("a");
        assertThat(weightsAfter(twoRemoved, "a", 2)).containsExactly("a=2");
    }

    /** Each record as cluster=weight, in file order, after setting the cluster's weight. */
    private static List<String> weightsAfter(FleetFiles files, String cluster, int weight) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        names(files.read(PATH).orElseThrow()).forEach(name -> weights.put(name, 100));
        FileEdits edits = new FileEdits(files);
        TrafficEdits.setWeight(edits, new HostnameTraffic("shop-example-com", "shop.example.com", PATH, 600, weights),
                cluster, weight);
        List<FileChange> changes = edits.changes();
        String text = changes.get(0).after().orElseThrow();
        List<String> names = names(text);
        List<String> values = text.lines().filter(l -> l.contains("value:"))
                .map(l -> l.substring(l.indexOf('"') + 1, l.lastIndexOf('"'))).toList();
        return IntStream.range(0, names.size()).mapToObj(i -> names.get(i) + "=" + values.get(i)).toList();
    }

    private static List<String> names(String text) {
        return text.lines().filter(l -> l.contains("setIdentifier:")).map(l -> l.substring(l.indexOf(':') + 2)).toList();
    }

    private static FleetFiles files(String... clusters) {
        StringBuilder text = new StringBuilder("""
                apiVersion: externaldns.k8s.io/v1alpha1
                kind: DNSEndpoint
                metadata:
                  name: shop-example-com
                  annotations:
                    drover.io/peak-rps: "600"
                spec:
                  endpoints:
                """);
        for (String cluster : clusters) {
            text.append("""
                        - dnsName: shop.example.com
                          recordType: CNAME
                          setIdentifier: %1$s
                          targets:
                            - ingress.%1$s.fleet.example.com
                          providerSpecific:
                            - name: aws/weight
                              value: "100"
                    """.formatted(cluster));
        }
        return FleetFiles.of(Map.of(PATH, text.toString()));
    }
}
