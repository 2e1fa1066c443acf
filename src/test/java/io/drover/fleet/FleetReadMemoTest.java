package io.drover.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.testing.ExampleFleet;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * A read through the memo of the previous state's read gives exactly what a read from scratch
 * gives: the same fleet, the same warnings, the same problems in the same order; and a file whose
 * content changed at the same path is read again, never taken from the memo by its path.
 */
class FleetReadMemoTest {

    private static final String EUW1 = "clusters/prod-euw-01/cluster.yaml";
    private static final String EUW1_SECRET = "argocd/clusters/prod-euw-01.yaml";

    @Test
    void aFileChangedAtTheSamePathIsReadAgain() throws Exception {
        FleetReadMemo memo = new FleetReadMemo();
        FleetFiles before = ExampleFleet.files();
        FleetReader.read(before, memo);

        FleetFiles after = ExampleFleet.withEdit(before, EUW1, "drover.io/capacity: \"1200\"", "drover.io/capacity: \"900\"");
        Fleet read = FleetReader.read(after, memo);

        assertThat(read.cluster("prod-euw-01").orElseThrow().capacityRps()).isEqualTo(900);
        assertThat(read).isEqualTo(FleetReader.read(after));
        // And back: the earlier content is read as what it says, not as the last content seen at that path.
        assertThat(FleetReader.read(before, memo).cluster("prod-euw-01").orElseThrow().capacityRps()).isEqualTo(1200);
    }

    @Test
    void aChangedSecretReachesItsClusterThoughTheClusterFileIsUnchanged() throws Exception {
        FleetReadMemo memo = new FleetReadMemo();
        FleetFiles before = ExampleFleet.files();
        FleetReader.read(before, memo);

        FleetFiles after = ExampleFleet.withEdit(before, EUW1_SECRET, "server: https://api.prod-euw-01",
                "server: https://api2.prod-euw-01");
        Fleet read = FleetReader.read(after, memo);

        assertThat(read.cluster("prod-euw-01").orElseThrow().secret().server()).startsWith("https://api2.prod-euw-01");
        assertThat(read).isEqualTo(FleetReader.read(after));
    }

    @Test
    void problemsAndWarningsOfFilesTakenFromTheMemoAreReportedAgainInTheSameOrder() throws Exception {
        FleetFiles warned = ExampleFleet.withEdit(ExampleFleet.files(), EUW1, "env: production",
                "env: production\n    tier: 1");
        FleetFiles broken = ExampleFleet.withEdit(ExampleFleet.withEdit(warned, EUW1_SECRET, "name: prod-euw-01",
                "name: prod-euw-09"), EUW1, "drover.io/traffic-weight: \"100\"", "drover.io/traffic-weight: \"-1\"");
        List<String> expected = catchThrowableOfType(() -> FleetReader.read(broken), InvalidFleetException.class)
                .problems().stream().map(Object::toString).toList();
        assertThat(expected).hasSizeGreaterThan(1);

        FleetReadMemo memo = new FleetReadMemo();
        assertThat(FleetReader.read(warned, memo).warnings()).isEqualTo(FleetReader.read(warned).warnings()).isNotEmpty();
        for (int read = 0; read < 2; read++) {
            InvalidFleetException e = catchThrowableOfType(() -> FleetReader.read(broken, memo), InvalidFleetException.class);
            assertThat(e.problems().stream().map(Object::toString).toList()).isEqualTo(expected);
        }
        assertThat(FleetReader.read(warned, memo).warnings()).isEqualTo(FleetReader.read(warned).warnings());
    }
    /**
     * What the memo derives from a cluster alone (the Applications its ApplicationSets generate) is
     * derived again when the cluster's Secret changes, and when an ApplicationSet changes: the
     * overlay check reports the missing overlay through the memo as a read from scratch does.
     */
    @Test
    void theOverlayCheckFollowsAChangedSecretAndAChangedApplicationSet() throws Exception {
        FleetReadMemo memo = new FleetReadMemo();
        FleetFiles before = ExampleFleet.files();
        FleetReader.read(before, memo);

        FleetFiles relabelled = ExampleFleet.withEdit(before, "argocd/clusters/prod-use-01.yaml", "region: us-east-1",
                "region: eu-west-1");
        List<String> expected = problems(() -> FleetReader.read(relabelled));
        assertThat(expected).anySatisfy(p -> assertThat(p).contains("apps/recommendations/overlays/prod-use-01"));
        assertThat(problems(() -> FleetReader.read(relabelled, memo))).isEqualTo(expected);
        assertThat(FleetReader.read(before, memo)).isEqualTo(FleetReader.read(before));

        FleetFiles widened = ExampleFleet.withEdit(before, "argocd/applicationsets/recommendations.yaml",
                "region: eu-west-1  #", "region: us-east-1  #");
        List<String> expectedWidened = problems(() -> FleetReader.read(widened));
        assertThat(expectedWidened).anySatisfy(p -> assertThat(p).contains("apps/recommendations/overlays/prod-use-02"));
        assertThat(problems(() -> FleetReader.read(widened, memo))).isEqualTo(expectedWidened);
        assertThat(FleetReader.read(before, memo)).isEqualTo(FleetReader.read(before));
    }

    private static List<String> problems(ThrowingCallable read) {
        return catchThrowableOfType(read, InvalidFleetException.class).problems().stream().map(Object::toString).toList();
    }
}
