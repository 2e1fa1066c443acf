package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.testing.ExampleFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsEveryStepWithDiffTableAndKustomizeBuilds() {
        Cli cli = Cli.run("plan", "fleet-repo-example", "--diff", "full");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("Rollout production-1-31 (rollouts/production-1-31.yaml): blue-green to v1.31.4")
                .contains("Step 1/32  [add-cluster]  add-prod-euw-03")
                .contains("PR: Add cluster prod-euw-03 (replacing prod-euw-01)")
                .contains("+++ b/clusters/prod-euw-03/cluster.yaml")
                .contains("N+1 worst case: losing")
                .contains("kustomize apps/shop/overlays/prod-euw-03: builds")
                .contains("Step 32/32  [retire-cluster]  retire-prod-use-02")
                .doesNotContain("FAILS");
        assertThat(cli.err()).contains("Building the kustomizations");
    }

    @Test
    void aBrokenFleetListsEveryProblemWithFileAndLineAndExitsOne() throws Exception {
        ExampleFleet.write(ExampleFleet.files(), dir);
        replace("clusters/prod-euw-02/cluster.yaml", "version: v1.30.6", "version: latest");
        replace("traffic/api.yaml", "setIdentifier: prod-use-01", "setIdentifier: prod-usw-01");
        replace("argocd/applicationsets/shop.yaml", "kind: ApplicationSet", "kind: ApplicationSet\n  broken: [");

        Cli cli = Cli.run("plan", dir.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err())
                .contains("problems in the fleet repository")
                .containsPattern("clusters/prod-euw-02/cluster.yaml:\\d+: spec.topology.version 'latest' is not a Kubernetes version")
                .containsPattern("traffic/api.yaml:\\d+: setIdentifier prod-usw-01 is not a cluster of this fleet")
                .containsPattern("argocd/applicationsets/shop.yaml:\\d+: not valid YAML")
                .contains("Nothing was planned.");
    }

    @Test
    void aRefusedPlanExitsThreeWithTheArithmetic() throws Exception {
        var spools = SpoolTest.spools();
        Cli cli = Cli.run("plan", "fleet-repo-example", "--policy", "policies/conservative.yaml", "--skip-builds");
        // Blue/green under N+2 holds on the example: the surge cluster keeps four serving.
        assertThat(cli.exitCode()).as(cli.err()).isZero();

        Cli rolling = Cli.run("plan", writeRolling().toString(), "--policy", "policies/conservative.yaml");
        assertThat(rolling.exitCode()).isEqualTo(3);
        assertThat(rolling.err()).startsWith("Plan refused: step 1 (Drain prod-euw-01)").contains("= 200%");
        assertThat(rolling.out()).isEmpty();
        // The step sections were spooled to a temporary file, deleted whether the plan was printed or refused.
        assertThat(SpoolTest.spools()).containsExactlyInAnyOrderElementsOf(spools);
    }

    @Test
    void usageMistakesExitTwoAndSayWhatToDo() {
        Cli missing = Cli.run("plan", dir.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("is not a directory");

        Cli unknown = Cli.run("plan", "fleet-repo-example", "--rollout", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no rollout named 'nope'").contains("production-1-31");

        Cli badOutput = Cli.run("plan", "fleet-repo-example", "--output", "yaml");
        assertThat(badOutput.exitCode()).isEqualTo(2);
        assertThat(badOutput.err()).contains("--output");
    }

    @Test
    void aFailingKustomizeBuildIsReportedWithKustomizesOwnMessage() throws Exception {
        ExampleFleet.write(ExampleFleet.files(), dir);
        // The new cluster's overlay is a copy of this one, so it fails to build after step 1.
        replace("apps/shop/overlays/prod-euw-01/kustomization.yaml", "  - ../../base", "  - ../../base\n  - missing.yaml");

        Cli cli = Cli.run("plan", dir.toString());

        assertThat(cli.exitCode()).isEqualTo(4);
        assertThat(cli.err()).contains("kustomize build failed after step 1 in apps/shop/overlays/prod-euw-03")
                .contains("missing.yaml");
    }

    @Test
    void refReadsTheCommittedFleetNotTheWorkingTree() throws Exception {
        Path fleet = dir.resolve("repo/fleet");
        ExampleFleet.write(ExampleFleet.files(), fleet);
        try (var git = org.eclipse.jgit.api.Git.init().setDirectory(dir.resolve("repo").toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("fleet").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
        }
        Files.writeString(fleet.resolve("traffic/api.yaml"), "spec: [broken");

        assertThat(Cli.run("plan", fleet.toString(), "--skip-builds").exitCode()).isEqualTo(1);
        Cli committed = Cli.run("plan", fleet.toString(), "--ref", "HEAD", "--skip-builds");
        assertThat(committed.exitCode()).as(committed.err()).isZero();
        assertThat(committed.out()).contains("Step 32/32");
    }

    @Test
    void helpDescribesTheOptions() {
        Cli help = Cli.run("plan", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--rollout", "--policy", "--output", "--ref", "--kustomize", "--diff", "Exit codes")
                .contains("among Drover's (" + String.join(", ", io.drover.policy.PolicyCatalog.SHIPPED) + ")");
    }

    private Path writeRolling() {
        try {
            Path rolling = dir.resolve("rolling");
            ExampleFleet.write(ExampleFleet.withStrategy("rolling"), rolling);
            return rolling;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void replace(String path, String from, String to) throws Exception {
        Path file = dir.resolve(path);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
