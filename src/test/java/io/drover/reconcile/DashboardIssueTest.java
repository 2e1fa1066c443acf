package io.drover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.forge.Issue;
import io.drover.testing.FakeForge;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dashboard issue through a rollout: opened once, rewritten when it changes, found again after a restart or crash. */
class DashboardIssueTest {

    private static final String MARKER = "<!-- drover:dashboard rollout=production-1-31 -->";

    @RegisterExtension
    final ReconcileFixtures fixtures = new ReconcileFixtures();
    ReconcileFixture fixture;

    private List<Issue> dashboards() {
        return fixture.forge.allIssues().stream().filter(i -> i.labels().contains("drover/dashboard")).toList();
    }

    private long dashboardWrites() {
        return fixture.forge.writes().stream().filter(w -> w.contains("issue")).count();
    }

    @Test
    void openedOnceLabelledThenRewrittenOnlyWhenAStepChangesState() throws Exception {
        fixture = fixtures.anyTime();
        Reconciler reconciler = fixture.freshReconciler(fixture.forge).withDashboards();

        reconciler.pass();
        assertThat(dashboards()).singleElement().satisfies(i -> {
            assertThat(i.labels()).containsExactly("drover", "drover/dashboard");
            assertThat(i.title()).isEqualTo("Drover rollout production-1-31");
            assertThat(i.body()).contains(MARKER, "add-prod-euw-03");
        });
        String opened = dashboards().get(0).body();
        assertThat(dashboardWrites()).isEqualTo(1);

        // The pass after opening the step's pull request sees it open: that changes the dashboard once.
        reconciler.pass();
        long settled = dashboardWrites();
        assertThat(settled).isLessThanOrEqualTo(2);
        reconciler.pass();
        reconciler.pass();
        assertThat(dashboardWrites()).as("unchanged passes write nothing").isEqualTo(settled);
        assertThat(fixture.forge.issueLists()).as("one list request per pass").isEqualTo(4);

        fixture.forge.mergeAsReviewer(1);
        reconciler.pass();
        assertThat(dashboards()).hasSize(1);
        assertThat(dashboards().get(0).body()).isNotEqualTo(opened).contains(MARKER);
        assertThat(fixture.forge.writes()).contains("edit issue #" + dashboards().get(0).number());
    }

    @Test
    void aRestartedDroverFindsTheSameIssueAndOpensNoSecond() throws Exception {
        fixture = fixtures.anyTime();
        fixture.freshReconciler(fixture.forge).withDashboards().pass();
        int number = dashboards().get(0).number();

        fixture.freshReconciler(fixture.forge).withDashboards().pass();
        fixture.forge.mergeAsReviewer(1);
        fixture.freshReconciler(fixture.forge).withDashboards().pass();

        assertThat(dashboards()).extracting(Issue::number).containsExactly(number);
    }

    @Test
    void aCrashAfterTheIssueWasOpenedIsCarriedOnByTheNextPass() throws Exception {
        fixture = fixtures.anyTime();
        CrashingForge crashing = new CrashingForge(fixture.forge, Set.of("after-create-issue:1"));
        assertThatThrownBy(() -> fixture.freshReconciler(crashing).withDashboards().pass())
                .isInstanceOf(CrashingForge.Killed.class);
        assertThat(dashboards()).hasSize(1);

        fixture.freshReconciler(fixture.forge).withDashboards().pass();

        assertThat(dashboards()).hasSize(1);
        assertThat(fixture.forge.writes()).filteredOn(w -> w.startsWith("create issue")).hasSize(1);
    }

    @Test
    void anIssueWithTheMarkerOpenedBySomeoneElseIsNotTakenForTheDashboard() throws Exception {
        fixture = fixtures.anyTime();
        Issue planted = fixture.forge.issueBy("mallory", "Drover rollout production-1-31", "pwned\n" + MARKER,
                List.of("drover", "drover/dashboard"));

        fixture.freshReconciler(fixture.forge).withDashboards().pass();

        assertThat(fixture.forge.issue(planted.number()).orElseThrow().body()).isEqualTo("pwned\n" + MARKER);
        assertThat(dashboards()).hasSize(2);
        assertThat(dashboards().get(1).author()).isEqualTo(FakeForge.BOT_LOGIN);
    }

    // ---- commands given on the dashboard issue ----

    private static final FakeForge.User ALICE = FakeForge.User.withRole(1001, "alice", "write");

    private List<String> bodies(int number) throws Exception {
        return fixture.forge.comments(number).stream().map(io.drover.forge.Comment::body).toList();
    }

    @Test
    void aCommandOnTheDashboardIssueActsAndIsAnsweredThere() throws Exception {
        fixture = fixtures.anyTime();
        Reconciler reconciler = fixture.freshReconciler(fixture.forge).withDashboards();
        reconciler.pass();
        int dashboard = dashboards().get(0).number();
        int step = fixture.forge.pulls().get(0).number();
        long pause = fixture.forge.commentAs(ALICE, dashboard, "/drover pause watching the dashboards");

        reconciler.pass();

        assertThat(fixture.forge.labels(step)).contains("drover/paused");
        assertThat(fixture.forge.writes()).contains("react +1 to comment " + pause);
        assertThat(bodies(dashboard)).last().asString().contains("@alice paused rollout production-1-31",
                "drover:command id=" + pause);
        assertThat(bodies(step)).noneMatch(b -> b.contains("drover:command"));
        long before = fixture.forge.writes().stream().filter(w -> w.contains("comment " + pause)).count();
        reconciler.pass();
        assertThat(fixture.forge.writes().stream().filter(w -> w.contains("comment " + pause)).count())
                .as("answered once").isEqualTo(before);
    }

    @Test
    void aCommandOnAnIssueWithTheMarkerOpenedBySomeoneElseIsIgnored() throws Exception {
        fixture = fixtures.anyTime();
        Issue planted = fixture.forge.issueBy("mallory", "Drover rollout production-1-31", MARKER,
                List.of("drover", "drover/dashboard"));
        Reconciler reconciler = fixture.freshReconciler(fixture.forge).withDashboards();
        reconciler.pass();
        int step = fixture.forge.pulls().get(0).number();
        long pause = fixture.forge.commentAs(ALICE, planted.number(), "/drover pause");
        int writes = fixture.forge.writes().size();

        reconciler.pass();

        assertThat(fixture.forge.labels(step)).doesNotContain("drover/paused");
        assertThat(fixture.forge.writes().subList(writes, fixture.forge.writes().size()))
                .noneMatch(w -> w.contains(String.valueOf(pause)) || w.contains("#" + planted.number()));
        assertThat(bodies(planted.number())).containsExactly("/drover pause");
    }
}
