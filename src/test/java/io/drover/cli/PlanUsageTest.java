package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drover.testing.ExampleFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes a user makes calling {@code drover plan} end in exit 2 with a message that names the
 * option and what to give instead, never in an internal error or a stack trace; an invalid fleet
 * repo or policy ends in exit 1 with every problem, as JSON with {@code --output json}.
 */
class PlanUsageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aPolicyIsFoundByNameAmongDroversAndTheFleetsOwn() throws Exception {
        Cli shipped = Cli.run("plan", "fleet-repo-example", "--policy", "conservative", "--skip-builds");
        assertThat(shipped.exitCode()).as(shipped.err()).isZero();
        assertThat(shipped.out()).contains("Policy conservative (Drover's policies/conservative.yaml): N+2");

        Path fleet = fleetWithOwnPolicy("careful");
        Cli own = Cli.run("plan", fleet.toString(), "--policy", "careful", "--skip-builds");
        assertThat(own.exitCode()).as(own.err()).isZero();
        assertThat(own.out()).contains("Policy careful (policies/careful.yaml)");
    }

    @Test
    void aPolicyNameFoundNowhereListsTheNamesThatExist() throws Exception {
        Path fleet = fleetWithOwnPolicy("careful");

        Cli cli = Cli.run("plan", fleet.toString(), "--policy", "conservativ", "--skip-builds");

        assertUsage(cli, "--policy conservativ: no policy of that name in the fleet repo's policies/ or among Drover's"
                + " (careful, conservative, default, regional); give one of those names or the path of a policy file");
    }

    @Test
    void aPolicyFileThatIsMissingOrADirectoryIsAUsageError() {
        Cli missing = Cli.run("plan", "fleet-repo-example", "--policy", "policies/strict.yaml", "--skip-builds");
        assertUsage(missing, "--policy policies/strict.yaml: no such file; give the path of a policy file, or a policy"
                + " name (conservative, default, regional)");

        Cli directory = Cli.run("plan", "fleet-repo-example", "--policy", "policies", "--skip-builds");
        assertUsage(directory, "--policy policies is a directory; give a policy file in it (such as policies/conservative.yaml,"
                + " policies/default.yaml, policies/regional.yaml) or a policy name (conservative, default, regional)");
    }

    @Test
    void aRefNamingNoCommitNamesTheBranchesThatExist() throws Exception {
        Path fleet = committedFleet();

        Cli unknown = Cli.run("plan", fleet.toString(), "--ref", "no-such-branch", "--skip-builds");
        assertUsage(unknown, "--ref no-such-branch names no commit in the Git repository at " + dir.resolve("repo")
                + "; give a branch (main), a tag or a commit id");

        Cli malformed = Cli.run("plan", fleet.toString(), "--ref", "main@{", "--skip-builds");
        assertUsage(malformed, "--ref 'main@{' is not a Git revision; give a branch, a tag or a commit id");
    }

    @Test
    void aRefOutsideAnyGitRepositorySaysToLeaveItOut() throws Exception {
        Path fleet = dir.resolve("plain");
        ExampleFleet.write(ExampleFleet.files(), fleet);

        Cli cli = Cli.run("plan", fleet.toString(), "--ref", "HEAD", "--skip-builds");

        assertUsage(cli, "--ref HEAD reads a commit of the Git repository holding " + fleet
                + ", but it is in no Git repository; leave out --ref to read the files on disk");
    }

    @Test
    void aDirectoryThatIsNoFleetRepoSaysWhatItLacks() {
        Cli root = Cli.run("plan", "/", "--skip-builds");
        assertUsage(root, "/ is not a fleet repository: it has none of clusters/, argocd/clusters/,"
                + " argocd/applicationsets/, traffic/ and rollouts/. Give the top directory of one");

        Cli below = Cli.run("plan", "fleet-repo-example/apps/shop", "--skip-builds");
        assertUsage(below, "fleet-repo-example/apps/shop is not a fleet repository")
                .contains("fleet-repo-example, above it, is one: run drover plan fleet-repo-example");
    }

    @Test
    void aFleetRepoLackingSomeDirectoriesNamesEachAndExitsOne() throws Exception {
        Path fleet = dir.resolve("fleet");
        ExampleFleet.write(ExampleFleet.files(), fleet);
        deleteTree(fleet.resolve("traffic"));
        deleteTree(fleet.resolve("argocd/applicationsets"));

        Cli cli = Cli.run("plan", fleet.toString(), "--skip-builds");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).contains("2 problems in the fleet repository")
                .contains("argocd/applicationsets/: no such directory; it holds the ApplicationSets")
                .contains("traffic/: no such directory; it holds the weighted DNS records")
                .contains("fix: add it as docs/fleet-repo-format.md describes")
                .contains("Nothing was planned.");
    }

    @Test
    void withJsonOutputTheProblemsOfAnInvalidRepoAreJsonOnStdout() throws Exception {
        Path fleet = dir.resolve("fleet");
        ExampleFleet.write(ExampleFleet.files(), fleet);
        replace(fleet.resolve("clusters/prod-euw-02/cluster.yaml"), "version: v1.30.6", "version: latest");
        replace(fleet.resolve("traffic/api.yaml"), "setIdentifier: prod-use-01", "setIdentifier: prod-usw-01");

        Cli cli = Cli.run("plan", fleet.toString(), "--output", "json", "--skip-builds");

        assertThat(cli.exitCode()).isEqualTo(1);
        JsonNode json = JSON.readTree(cli.out());
        assertThat(json.path("schema").asText()).isEqualTo("drover.io/plan-problems/v1");
        JsonNode problems = json.path("problems");
        assertThat(problems.findValuesAsText("path")).contains("clusters/prod-euw-02/cluster.yaml", "traffic/api.yaml");
        // The same problems as the text output lists, field by field.
        Cli text = Cli.run("plan", fleet.toString(), "--skip-builds");
        assertThat(text.err()).contains(problems.size() + " problems in the fleet repository");
        for (JsonNode problem : problems) {
            assertThat(problem.path("line").asInt()).isPositive();
            assertThat(problem.path("fix").asText()).isNotBlank();
            assertThat(text.err()).contains(problem.path("path").asText() + ":" + problem.path("line").asInt() + ": "
                    + problem.path("message").asText() + "\n      fix: " + problem.path("fix").asText());
        }
        assertThat(cli.err()).isEqualTo("drover plan: " + problems.size() + " problems in the fleet repository, listed on"
                + " stdout as JSON. Nothing was planned." + System.lineSeparator());
    }

    @Test
    void withJsonOutputTheProblemsOfAnInvalidPolicyAreJsonToo() throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, ExampleFleet.shippedPolicy("default").replace("maxUtilisation: 0.8", "maxUtilisation: 8"));

        Cli cli = Cli.run("plan", "fleet-repo-example", "--policy", policy.toString(), "--output", "json", "--skip-builds");

        assertThat(cli.exitCode()).isEqualTo(1);
        JsonNode problem = JSON.readTree(cli.out()).path("problems").get(0);
        assertThat(problem.path("path").asText()).isEqualTo(policy.toString());
        assertThat(problem.path("message").asText()).contains("maxUtilisation");
        assertThat(cli.err()).contains("problem in the policy, listed on stdout as JSON");
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertUsage(Cli cli, String message) {
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).doesNotContain("internal error", "Exception", "\tat ");
        return assertThat(cli.err()).startsWith("drover plan: " + message);
    }

    private Path fleetWithOwnPolicy(String name) throws Exception {
        Path fleet = dir.resolve("own");
        ExampleFleet.write(ExampleFleet.files(), fleet);
        Files.createDirectories(fleet.resolve("policies"));
        Files.writeString(fleet.resolve("policies/" + name + ".yaml"),
                ExampleFleet.shippedPolicy("default").replace("name: default", "name: " + name));
        return fleet;
    }

    private Path committedFleet() throws Exception {
        Path fleet = dir.resolve("repo/fleet");
        ExampleFleet.write(ExampleFleet.files(), fleet);
        try (Git git = Git.init().setDirectory(dir.resolve("repo").toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("fleet").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
        }
        return fleet;
    }

    private static void replace(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static void deleteTree(Path root) throws Exception {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
