package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drover.model.FileChange;
import io.drover.planning.Plan;
import io.drover.planning.Step;
import io.drover.testing.ExampleFleet;
import io.drover.testing.FullPlan;
import io.drover.testing.Planning;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand.FastForwardMode;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a re-plan, step numbers say where the rollout stands: the steps already merged are counted
 * from the trailers of their commits in the history of the fleet repo, as the reconciler counts them.
 */
class PlanProgressTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PersonIdent HUMAN = new PersonIdent("Robin Reviewer", "robin@example.com");

    @TempDir
    Path dir;

    private Git git;
    private Path fleet;
    private FullPlan plan;

    @BeforeEach
    void fleetWithThreeStepsMerged() throws Exception {
        git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        fleet = dir.resolve("fleet");
        ExampleFleet.write(ExampleFleet.files(), fleet);
        commit("Fleet as it is today");
        plan = Planning.plan(ExampleFleet.files());
        merge(0);
        commit("Other rollout\n\nDrover-Rollout: staging-1-31\nDrover-Step: 1/8 add-cluster\nDrover-Step-Id: add-staging-euw-02\n");
        merge(1);
        mergeThroughABranch(2);
    }

    @AfterEach
    void close() {
        git.close();
    }

    @Test
    void theTextNumbersTheRemainingStepsAfterTheMergedOnes() {
        Cli cli = Cli.run("plan", fleet.toString(), "--skip-builds");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("Merged so far: 3 steps of production-1-31 (Drover-Step trailers in the history of HEAD);"
                        + " this plan goes on from step 4\n")
                .contains("Overview: steps 4-32 of 32 (steps 1-3 merged), each one pull request, one open at a time\n")
                .containsPattern("(?m)^  4/32    shift-traffic .*Shift traffic: prod-euw-03 to 25% of full share$")
                .contains("Step 4/32  [shift-traffic]  " + plan.steps().get(3).id() + "\n")
                .contains("Step 32/32  [retire-cluster]")
                .contains("29 steps to go, 3 merged. Each is one pull request")
                .doesNotContain("Step 1/", "Step 33/");
    }

    @Test
    void refCountsTheStepsMergedUpToThatCommit() {
        Cli cli = Cli.run("plan", fleet.toString(), "--skip-builds", "--ref", "HEAD~1");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Merged so far: 2 steps of production-1-31 (Drover-Step trailers in the history of HEAD~1)")
                .contains("Step 3/32  [shift-traffic]  " + plan.steps().get(2).id() + "\n");
    }

    @Test
    void jsonKeepsThePlansNumberingAndAddsTheOverallOne() throws Exception {
        Cli cli = Cli.run("plan", fleet.toString(), "--skip-builds", "--output", "json");

        JsonNode json = JSON.readTree(cli.out());
        assertThat(json.path("mergedSteps").asInt()).isEqualTo(3);
        assertThat(json.path("mergedStepsReadFrom").asText()).isEqualTo("HEAD");
        assertThat(json.path("totalSteps").asInt()).isEqualTo(32);
        assertThat(json.path("steps")).hasSize(29);
        assertThat(json.path("steps").get(0).path("number").asInt()).isEqualTo(1);
        assertThat(json.path("steps").get(0).path("overallNumber").asInt()).isEqualTo(4);
        assertThat(json.path("steps").get(28).path("overallNumber").asInt()).isEqualTo(32);
    }

    @Test
    void withoutGitHistoryStepsAreNumberedFromOne(@TempDir Path plain) throws Exception {
        ExampleFleet.write(ExampleFleet.files(), plain);

        Cli text = Cli.run("plan", plain.toString(), "--skip-builds");
        JsonNode json = JSON.readTree(Cli.run("plan", plain.toString(), "--skip-builds", "--output", "json").out());

        assertThat(text.out()).contains("Overview: 32 steps").contains("Step 1/32  [add-cluster]").doesNotContain("Merged so far");
        assertThat(json.path("mergedSteps").asInt()).isZero();
        assertThat(json.path("mergedStepsReadFrom").isNull()).isTrue();
        assertThat(json.path("steps").get(0).path("overallNumber").asInt()).isEqualTo(1);
    }

    private void merge(int index) throws Exception {
        apply(plan.steps().get(index));
        commit(message(index));
    }

    /** A merge commit bringing in the step commit from its branch, as a forge's merge button does. */
    private void mergeThroughABranch(int index) throws Exception {
        git.checkout().setCreateBranch(true).setName("drover/step").call();
        merge(index);
        git.checkout().setName("main").call();
        var branch = git.getRepository().resolve("drover/step");
        git.merge().include(branch).setFastForward(FastForwardMode.NO_FF).setMessage("Merge pull request #3").call();
    }

    private String message(int index) {
        Step step = plan.steps().get(index);
        return step.title() + "\n\n" + step.summary() + "\n\nDrover-Rollout: production-1-31\nDrover-Step: " + (index + 1) + "/32 "
                + step.kind() + "\nDrover-Step-Id: " + step.id() + "\nDrover-Plan: 0123456789abcdef\n";
    }

    private void apply(Step step) throws Exception {
        for (FileChange change : step.changes()) {
            Path file = fleet.resolve(change.path());
            if (change.after().isPresent()) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, change.after().get());
            } else {
                Files.delete(file);
            }
        }
    }

    private void commit(String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        git.commit().setMessage(message).setAuthor(HUMAN).setCommitter(HUMAN).setSign(false).setAllowEmpty(true).call();
    }
}
