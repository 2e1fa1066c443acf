package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drover.testing.ExampleFleet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input that used to crash the plan, mislead, or pass silently: each is refused with exit 1, the
 * file, the line and a fix, no stack trace, and nothing written; or, where it is no error, warned of.
 */
class PlanReadingTest {

    private static final String EUW1 = "clusters/prod-euw-01/cluster.yaml";
    private static final String ROLLOUT = "rollouts/production-1-31.yaml";
    private static final String STAGING_SECRET = "argocd/clusters/staging-euw-01.yaml";

    @TempDir
    Path dir;

    private Path fleet;

    @BeforeEach
    void writeExample() throws IOException {
        fleet = dir.resolve("fleet");
        ExampleFleet.write(ExampleFleet.files(), fleet);
    }

    // --- links

    @Test
    void aLinkedClusterSecretPointingOutsideIsRefusedAndNotRead() throws Exception {
        Path outside = dir.resolve("outside/secret.yaml");
        Files.createDirectories(outside.getParent());
        Files.move(fleet.resolve(STAGING_SECRET), outside);
        Files.writeString(outside, Files.readString(outside) + "# content from outside the repository\n");
        Files.createSymbolicLink(fleet.resolve(STAGING_SECRET), outside);

        String err = refused();

        assertThat(err).contains("1 problem in the fleet repository")
                .contains(STAGING_SECRET + ": a symbolic link (to " + outside + ")")
                .contains("fix: replace the link with the file (or directory) it points to")
                .doesNotContain("has no Argo CD cluster Secret");
    }

    @Test
    void aLinkToADirectoryIsReportedNotTakenForAMissingOverlay() throws Exception {
        Path overlay = fleet.resolve("apps/shop/overlays/prod-euw-01");
        Path elsewhere = dir.resolve("elsewhere");
        Files.move(overlay, elsewhere);
        Files.createSymbolicLink(overlay, elsewhere);

        String err = refused();

        assertThat(err).contains("apps/shop/overlays/prod-euw-01: a symbolic link (to " + elsewhere + ")")
                .doesNotContain("does not exist");
    }

    @Test
    void aLinkCommittedToGitIsALinkNotFileContent() throws Exception {
        Path repo = dir.resolve("fleet");
        Files.delete(repo.resolve(STAGING_SECRET));
        Files.createSymbolicLink(repo.resolve(STAGING_SECRET), Path.of("../../../outside.yaml"));
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            git.add().addFilepattern(".").call();
            RevCommit commit = git.commit().setMessage("fleet").setAuthor("t", "t@example.com")
                    .setCommitter("t", "t@example.com").setSign(false).call();
            assertThat(modeOf(git.getRepository(), commit, STAGING_SECRET)).isEqualTo(FileMode.SYMLINK);
        }

        Cli cli = Cli.run("plan", repo.toString(), "--ref", "HEAD");

        assertRefused(cli);
        assertThat(cli.err()).contains(STAGING_SECRET + ": a symbolic link (to ../../../outside.yaml)");
    }

    @Test
    void theFleetDirectoryItselfMayBeReachedThroughALink() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link"), fleet);

        Cli cli = Cli.run("plan", link.toString(), "--skip-builds");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Step 32/32");
    }

    // --- YAML limits and encodings

    @Test
    void deepNestingIsRefusedAtTheLineNotAStackOverflow() throws Exception {
        Files.writeString(fleet.resolve("rollouts/deep.yaml"), "kind: Rollout\nspec:\n  a: " + "[".repeat(100_000)
                + "]".repeat(100_000) + "\n");

        String err = refused();

        assertThat(err).contains("rollouts/deep.yaml:3: refused: mappings and lists nested more than 100 deep"
                + " (Drover's limit)").doesNotContain("not valid YAML").doesNotContain("StackOverflow");
    }

    @Test
    void anAliasBombIsRefused() throws Exception {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        Files.writeString(fleet.resolve("traffic/laughs.yaml"), bomb);

        String err = refused();

        assertThat(err).contains("traffic/laughs.yaml:7: refused: more than 50 aliases of mappings or lists")
                .doesNotContain("not valid YAML");
    }

    @Test
    void anOversizedFileIsRefusedWithTheLimit() throws Exception {
        String line = "# " + "x".repeat(1021) + "\n";
        Files.writeString(fleet.resolve("traffic/huge.yaml"), line.repeat(4 * 1024));

        String err = refused();

        assertThat(err).contains("traffic/huge.yaml:3073: refused: the file has 4194304 characters;"
                + " Drover reads at most 3145728 (3 MiB)");
    }

    @Test
    void aClusterDefinitionThatIsNotUtf8SaysSoAtTheLine() throws Exception {
        byte[] text = Files.readAllBytes(fleet.resolve(EUW1));
        String latin1 = new String(text, StandardCharsets.UTF_8).replace("env: production", "env: producti\u00e9n");
        Files.write(fleet.resolve(EUW1), latin1.getBytes(StandardCharsets.ISO_8859_1));

        String err = refused();

        assertThat(err).contains("1 problem in the fleet repository")
                .contains(EUW1 + ":16: not UTF-8 text: the byte 0xE9 on this line is not UTF-8")
                .contains("fix: save the file as UTF-8")
                .doesNotContain("without cluster.yaml");
    }

    // --- lines that point at the problem

    @Test
    void anUnclosedQuoteIsReportedWhereItOpens() throws Exception {
        edit(EUW1, "  name: prod-euw-01\n", "  name: \"prod-euw-01\n");

        // The quote closes at the next quote, on line 21, where the text breaks.
        assertThat(refused()).contains(EUW1 + ":13: not valid YAML: the quoted value that opens here runs on to line 21,"
                + " where the text breaks (expected <block end>, but found '<scalar>'): is its closing quote missing?");
    }

    @Test
    void aQuoteLeftOpenToTheEndOfTheFileIsReportedWhereItOpens() throws Exception {
        edit(EUW1, "        value: m6i.2xlarge  # 8 vCPU / 32 GiB\n", "        value: 'm6i.2xlarge  # 8 vCPU / 32 GiB\n");

        assertThat(refused()).contains(EUW1 + ":46: not valid YAML: the quoted value that opens here is not closed:"
                + " found unexpected end of stream at line 47");
    }

    @Test
    void aSecondClusterDocumentIsReportedAtItsOwnLine() throws Exception {
        String definition = Files.readString(fleet.resolve(EUW1));
        int lines = definition.split("\n", -1).length - 1;
        Files.writeString(fleet.resolve(EUW1), definition + "---\n" + definition);

        // The second document's first key, after the separator and the comment block of 9 lines.
        assertThat(refused()).contains(EUW1 + ":" + (lines + 11) + ": a second document of kind Cluster (the first"
                + " starts at line 10)");
    }

    @Test
    void aDocumentThatIsAListSaysSo() throws Exception {
        Files.writeString(fleet.resolve("rollouts/list.yaml"), "# one rollout\n- apiVersion: drover.io/v1alpha1\n"
                + "  kind: Rollout\n");

        assertThat(refused()).contains("rollouts/list.yaml:2: this document is a list, not a mapping");
    }

    @Test
    void anUnknownPolicyIsReportedWhereTheRolloutNamesIt() throws Exception {
        edit(ROLLOUT, "policy: default", "policy: careful");

        assertThat(refused()).contains(ROLLOUT + ":19: rollout production-1-31 names the policy 'careful'")
                .contains("fix: name one of conservative, default, regional in spec.policy, or add policies/careful.yaml to the fleet repo");
    }

    // --- versions

    @Test
    void aVersionWithoutPatchIsNoVersion() throws Exception {
        edit(ROLLOUT, "targetVersion: v1.31.4", "targetVersion: \"1.31\"");
        edit(EUW1, "version: v1.30.6", "version: v1.30");

        assertThat(refused())
                .contains(EUW1 + ":34: spec.topology.version 'v1.30' is not a Kubernetes version")
                .contains("fix: write the whole release with its patch number, e.g. v1.30.6 rather than v1.30")
                .contains(ROLLOUT + ":17: spec.targetVersion '1.31' is not a Kubernetes version")
                .contains("fix: write the whole release with its patch number, e.g. v1.31.4 rather than 1.31");
    }

    // --- names

    @Test
    void aClusterNameThatIsNoDnsLabelIsAnErrorAtItsDefinition() throws Exception {
        addCluster("Prod_EUW_09");
        addCluster("prod-" + "x".repeat(59));

        assertThat(refused())
                .contains("clusters/Prod_EUW_09/cluster.yaml:13: the cluster name 'Prod_EUW_09' is not a DNS label")
                .contains("clusters/prod-" + "x".repeat(59) + "/cluster.yaml:13: the cluster name 'prod-"
                        + "x".repeat(59) + "' is not a DNS label: at most 63 characters of a-z, 0-9 and '-', starting and"
                        + " ending with a letter or digit (it has 64)");
    }

    @Test
    void aClusterNameTooLongForTheNamePolicyDerivesIsAnErrorAtItsDefinitionNotARefusal() throws Exception {
        // 11 characters of the name and 54 of the pattern: 65, two more than a DNS label holds.
        String pattern = "{name}-upgraded-to-{version}-by-the-quarterly-fleet-refresh-of-q4";
        writePolicy(ExampleFleet.shippedPolicy("default").replace("\"{prefix}-{seq}\"", "\"" + pattern + "\""));

        String err = refused();

        assertThat(err).contains("4 problems in the fleet repository")
                .contains(EUW1 + ":13: rollout production-1-31 would replace prod-euw-01 by"
                        + " 'prod-euw-01-upgraded-to-1-31-by-the-quarterly-fleet-refresh-of-q4' (newClusterName '" + pattern
                        + "' of policy default), which is not a DNS label")
                .contains("fix: shorten the name prod-euw-01 by 2 characters, or change newClusterName in policies/default.yaml")
                .contains("clusters/prod-use-02/cluster.yaml:13: rollout production-1-31 would replace prod-use-02")
                .doesNotContain("staging-euw-01").doesNotContain("Plan refused");
    }

    @Test
    void aNewClusterNamePatternThatCanNeverBeADnsLabelIsAPolicyError() throws Exception {
        writePolicy(ExampleFleet.shippedPolicy("default").replace("\"{prefix}-{seq}\"", "\"{prefix}_{seq}\""));

        assertThat(refused()).contains("invalid policy:")
                .contains("policies/default.yaml:42: newClusterName '{prefix}_{seq}' can never give a cluster name")
                .contains("its text '_' holds characters a DNS label cannot");
    }

    // --- one pass

    @Test
    void fleetProblemsAndPolicyProblemsAreReportedTogether() throws Exception {
        edit(EUW1, "version: v1.30.6", "version: latest");
        writePolicy(ExampleFleet.shippedPolicy("default").replace("timeZone: UTC", "timeZone: Mars/Olympus"));

        assertThat(refused())
                .contains("1 problem in the fleet repository:\n  " + EUW1 + ":34: spec.topology.version 'latest'")
                .contains("invalid policy:\n  policies/default.yaml:30: working-days: unknown time zone 'Mars/Olympus'");
    }

    @Test
    void asJsonTheProblemsOfBothComeTogetherToo() throws Exception {
        edit(EUW1, "version: v1.30.6", "version: latest");
        writePolicy(ExampleFleet.shippedPolicy("default").replace("timeZone: UTC", "timeZone: Mars/Olympus"));

        Cli cli = Cli.run("plan", fleet.toString(), "--output", "json");

        assertThat(cli.exitCode()).isEqualTo(1);
        JsonNode problems = new ObjectMapper().readTree(cli.out()).get("problems");
        assertThat(problems).extracting(p -> p.get("path").asText() + ":" + p.get("line").asInt())
                .containsExactly(EUW1 + ":34", "policies/default.yaml:30");
        assertThat(cli.err()).contains("2 problems in the fleet repository and the policy");
    }

    // --- warnings

    @Test
    void warningsAreShownInTextAndJsonAndThePlanGoesOn() throws Exception {
        edit(EUW1, "drover.io/capacity: \"1200\"", "drover.io/capacity: 1200");
        edit("argocd/applicationsets/shop.yaml", "                - production\n                - staging\n",
                "                - qa\n");

        Cli text = Cli.run("plan", fleet.toString(), "--skip-builds");
        Cli json = Cli.run("plan", fleet.toString(), "--skip-builds", "--output", "json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("""
                Warnings:
                  argocd/applicationsets/shop.yaml:15: ApplicationSet shop deploys to no cluster: no Argo CD cluster\
                 Secret's labels match env in (qa)
                      fix: compare the clusters generator's selector with the labels in argocd/clusters/*.yaml
                  clusters/prod-euw-01/cluster.yaml:21: the annotation drover.io/capacity: 1200 is unquoted, so YAML reads\
                 a number or a boolean, not a string; Kubernetes refuses the object
                      fix: quote it: drover.io/capacity: "1200"
                """).contains("Step 1/");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode warnings = new ObjectMapper().readTree(json.out()).get("warnings");
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(1).get("path").asText()).isEqualTo(EUW1);
        assertThat(warnings.get(1).get("line").asInt()).isEqualTo(21);
        assertThat(warnings.get(1).get("fix").asText()).isEqualTo("quote it: drover.io/capacity: \"1200\"");
    }

    @Test
    void aRolloutSelectingNoClusterIsAWarningNotAViolation() throws Exception {
        edit(ROLLOUT, "env: production", "env: prod");

        Cli cli = Cli.run("plan", fleet.toString(), "--skip-builds");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains(ROLLOUT + ":14: rollout production-1-31 selects no cluster: no Cluster's labels"
                + " match env=prod").contains("Nothing to do").doesNotContain("VIOLATION");
        Cli json = Cli.run("plan", fleet.toString(), "--skip-builds", "--output", "json");
        JsonNode plan = new ObjectMapper().readTree(json.out());
        assertThat(plan.get("warnings").get(0).get("line").asInt()).isEqualTo(14);
        assertThat(plan.get("before").get("capacity").get("holds").asBoolean()).isTrue();
    }

    /** Runs the plan, which must refuse the fleet: exit 1, nothing on stdout, no trace, no file changed. */
    private String refused() throws IOException {
        Map<String, String> before = snapshot(fleet);
        Cli cli = Cli.run("plan", fleet.toString());
        assertRefused(cli);
        assertThat(snapshot(fleet)).as("the fleet directory after the plan").isEqualTo(before);
        return cli.err();
    }

    private static void assertRefused(Cli cli) {
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).doesNotContain("internal error").doesNotContain("Exception").doesNotContainPattern("\\tat ")
                .endsWith("Nothing was planned. Fix the problems above and run drover plan again.\n");
    }

    /** Every entry of a tree, links included (by their target), with its content. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                entries.put(root.relativize(file).toString(), attributes.isSymbolicLink()
                        ? "-> " + Files.readSymbolicLink(file) : Arrays.toString(Files.readAllBytes(file)));
                return FileVisitResult.CONTINUE;
            }
        });
        return entries;
    }

    private static FileMode modeOf(Repository repository, RevCommit commit, String path) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repository, path, commit.getTree())) {
            return walk.getFileMode(0);
        }
    }

    private void edit(String path, String from, String to) throws IOException {
        Path file = fleet.resolve(path);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private void writePolicy(String policy) throws IOException {
        Files.createDirectories(fleet.resolve("policies"));
        Files.writeString(fleet.resolve("policies/default.yaml"), policy);
    }

    /** A cluster that no ApplicationSet selects and no record serves: only its name matters. */
    private void addCluster(String name) throws IOException {
        Path definition = fleet.resolve("clusters/" + name + "/cluster.yaml");
        Files.createDirectories(definition.getParent());
        Files.writeString(definition, Files.readString(fleet.resolve(EUW1)).replace("prod-euw-01", name));
        Files.writeString(fleet.resolve("argocd/clusters/" + name + ".yaml"), Files.readString(fleet.resolve(STAGING_SECRET))
                .replace("staging-euw-01", name).replace("    env: staging\n", "")
                .replace("    fleet.example.com/platform: enabled\n", ""));
    }
}
