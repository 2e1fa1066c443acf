package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drover.testing.ExampleFleet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON plan's diffs, applied one after another with the real {@code git apply} to a real
 * repository, reproduce the planned states; and planning that repository again after any prefix
 * gives the remaining steps.
 */
class PlanJsonGitApplyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path repo;

    @Test
    void diffsApplyInSequenceAndReplanningAfterEachGivesTheRest() throws Exception {
        ExampleFleet.write(ExampleFleet.files(), repo);
        git("init", "-q");
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "example");

        Cli first = Cli.run("plan", repo.toString(), "--output", "json", "--skip-builds");
        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode plan = JSON.readTree(first.out());
        assertThat(plan.path("schema").asText()).isEqualTo("drover.io/plan/v2");
        assertThat(plan.path("rollout").asText()).isEqualTo("production-1-31");
        assertThat(plan.path("strategy").asText()).isEqualTo("blue-green");
        List<String> ids = new ArrayList<>();
        plan.path("steps").forEach(s -> ids.add(s.path("id").asText()));
        assertThat(ids).hasSize(32);
        JsonNode step1 = plan.path("steps").get(0);
        assertThat(step1.path("kind").asText()).isEqualTo("add-cluster");
        assertThat(step1.path("clusters").get(0).asText()).isEqualTo("prod-euw-03");
        // The new cluster is the only row that moved: listed alone, at weight 0.
        assertThat(step1.path("after").path("movedClusters").findValuesAsText("name")).containsExactly("prod-euw-03");
        assertThat(step1.path("after").path("busiest").path("name").asText()).isEqualTo("prod-use-01");
        assertThat(step1.path("after").path("capacity").path("holds").asBoolean()).isTrue();

        for (int k = 0; k < ids.size(); k++) {
            Path patch = Files.createTempFile("step", ".diff");
            Files.writeString(patch, plan.path("steps").get(k).path("diff").asText());
            git("apply", "--index", "--whitespace=nowarn", patch.toString());
            Files.delete(patch);

            Cli again = Cli.run("plan", repo.toString(), "--output", "json", "--skip-builds");
            assertThat(again.exitCode()).as(again.err()).isZero();
            List<String> rest = new ArrayList<>();
            JSON.readTree(again.out()).path("steps").forEach(s -> rest.add(s.path("id").asText()));
            assertThat(rest).as("after step %d", k + 1).containsExactlyElementsOf(ids.subList(k + 1, ids.size()));
        }
        assertThat(repo.resolve("clusters/prod-euw-01")).doesNotExist();
        assertThat(Files.readString(repo.resolve("clusters/prod-use-04/cluster.yaml"))).contains("version: v1.31.4");
    }

    private void git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("git %s: %s", String.join(" ", args), output).isZero();
    }
}
