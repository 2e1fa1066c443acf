package io.drover.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.diff.UnifiedDiff;
import io.drover.model.FileChange;
import io.drover.model.FleetFiles;
import io.drover.testing.ExampleFleet;
import io.drover.testing.FullPlan;
import io.drover.testing.Planning;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each step changes only the lines it means to; comments, order and quoting elsewhere survive. */
class MinimalDiffTest {

    static FleetFiles start;
    static FullPlan plan;

    @BeforeAll
    static void plan() throws Exception {
        start = ExampleFleet.files();
        plan = Planning.plan(start);
    }

    @Test
    void drainChangesExactlyTheWeightLinesOfTheDrainedCluster() {
        Step drain = step("drain-prod-euw-01");
        assertThat(drain.changes()).extracting(FileChange::path).containsExactly("traffic/api.yaml", "traffic/shop.yaml");
        for (FileChange change : drain.changes()) {
            assertThat(changedLines(change)).containsExactly("-          value: \"100\"", "+          value: \"0\"");
            assertThat(lineCount(change.after().orElseThrow())).isEqualTo(lineCount(change.before().orElseThrow()));
        }
        String diff = UnifiedDiff.of(drain.changes());
        // The one changed line sits in the prod-euw-01 record, right below its own comment.
        assertThat(diff).contains("         - ingress.prod-euw-01.fleet.example.com\n       providerSpecific:");
    }

    @Test
    void shiftTouchesOnlyTheNewClustersWeights() {
        Step shift = step("shift-prod-euw-03-25");
        for (FileChange change : shift.changes()) {
            assertThat(changedLines(change)).containsExactly("-          value: \"10\"", "+          value: \"25\"");
        }
    }

    @Test
    void enrollAddsOnlyTheSelectionLabelsToTheNewSecret() {
        Step enroll = step("enroll-prod-euw-03");
        assertThat(enroll.changes()).singleElement().satisfies(change -> {
            assertThat(change.path()).isEqualTo("argocd/clusters/prod-euw-03.yaml");
            assertThat(changedLines(change)).containsExactly(
                    "+    env: production", "+    fleet.example.com/platform: enabled", "+    region: eu-west-1");
        });
    }

    @Test
    void retireRemovesTheOldRecordAndKeepsEveryOtherLineAndComment() {
        Step retire = step("retire-prod-euw-01");
        FileChange shop = retire.changes().stream().filter(c -> c.path().equals("traffic/shop.yaml")).findFirst().orElseThrow();
        List<String> changed = changedLines(shop);
        assertThat(changed).allMatch(l -> l.startsWith("-"));
        assertThat(String.join("\n", changed)).contains("setIdentifier: prod-euw-01").doesNotContain("prod-euw-02");
        String before = shop.before().orElseThrow();
        String after = shop.after().orElseThrow();
        // The comment that named the record goes with it; the comments of the others stay.
        assertThat(after).doesNotContain("# prod-euw-01 (eu-west-1)").contains("# prod-euw-02 (eu-west-1)");
        before.lines().filter(l -> l.contains("prod-euw-02") || l.startsWith("#") || l.contains("peak-rps"))
                .forEach(l -> assertThat(after).contains(l));
        assertThat(retire.changes()).extracting(FileChange::path).contains(
                "argocd/clusters/prod-euw-01.yaml", "clusters/prod-euw-01/cluster.yaml",
                "apps/shop/overlays/prod-euw-01/kustomization.yaml");
        assertThat(retire.changes()).filteredOn(c -> c.after().isEmpty()).extracting(FileChange::path)
                .allMatch(p -> p.contains("prod-euw-01"));
    }

    @Test
    void upgradeInPlaceChangesOnlyTheVersionLine() throws Exception {
        FullPlan rolling = Planning.plan(ExampleFleet.withStrategy("rolling"));
        Step upgrade = rolling.steps().stream().filter(s -> s.id().equals("upgrade-prod-euw-01-1.31")).findFirst().orElseThrow();
        assertThat(upgrade.changes()).singleElement().satisfies(change ->
                assertThat(changedLines(change)).containsExactly("-    version: v1.30.6", "+    version: v1.31.4"));
    }

    private static Step step(String id) {
        return plan.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    /** The removed and added lines of a change's unified diff, in order. */
    private static List<String> changedLines(FileChange change) {
        return UnifiedDiff.of(change).lines()
                .filter(l -> (l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++") && !l.startsWith("---"))
                .toList();
    }

    private static long lineCount(String text) {
        return text.lines().count();
    }
}
