package io.drover.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.drover.model.Fleet;
import io.drover.model.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of problem the fleet reader reports: a copy of the example, broken in one place per
 * test, must be refused with the file, the line, what is wrong and what to do.
 */
class FleetValidationTest {

    private static final String EUW1 = "clusters/prod-euw-01/cluster.yaml";
    private static final String EUW1_SECRET = "argocd/clusters/prod-euw-01.yaml";
    private static final String STAGING_TRAFFIC = "traffic/staging.yaml";
    private static final String ROLLOUT = "rollouts/production-1-31.yaml";

    @TempDir
    Path dir;

    private ExampleCopy fleet;

    @BeforeEach
    void copyExample() throws Exception {
        fleet = ExampleCopy.copyTo(dir);
    }

    @Test
    void theUnbrokenCopyReads() throws Exception {
        assertThat(fleet.read().clusters()).hasSize(5);
    }

    // --- clusters/<cluster>/cluster.yaml

    @Test
    void brokenYamlSyntax() throws Exception {
        fleet.replace(EUW1, "    env: production\n", "    env: production: eu\n");

        Problem problem = fleet.problem();

        assertProblem(problem, EUW1, 16, "not valid YAML: mapping values are not allowed here", "correct the YAML syntax");
        assertThat(problem.message()).contains("(column ");
    }

    @Test
    void missingVersion() throws Exception {
        fleet.replace(EUW1, "    version: v1.30.6\n", "");

        // Points at spec.topology (line 32), where the version belongs.
        assertProblem(fleet.problem(), EUW1, 32, "missing spec.topology.version (the Kubernetes version)",
                "set it, e.g. v1.30.6");
    }

    @Test
    void versionThatIsNotAVersion() throws Exception {
        fleet.replace(EUW1, "version: v1.30.6", "version: latest");

        assertProblem(fleet.problem(), EUW1, 34, "spec.topology.version 'latest' is not a Kubernetes version",
                "write it as v<major>.<minor>.<patch>, e.g. v1.30.6");
    }

    @Test
    void versionWithoutLeadingVIsAccepted() throws Exception {
        fleet.replace(EUW1, "version: v1.30.6", "version: 1.30.7");

        assertThat(fleet.read().cluster("prod-euw-01").orElseThrow().version()).hasToString("v1.30.7");
    }

    @Test
    void nameDifferingFromItsDirectory() throws Exception {
        fleet.replace(EUW1, "  name: prod-euw-01\n", "  name: prod-euw-07\n");

        assertProblem(fleet.problem(), EUW1, 13, "metadata.name is prod-euw-07 but the directory is clusters/prod-euw-01",
                "name the Cluster after its directory");
    }

    @Test
    void missingRegionLabel() throws Exception {
        fleet.replace(EUW1, "    topology.kubernetes.io/region: eu-west-1\n", "");

        // Points at metadata.labels (line 15).
        assertProblem(fleet.problem(), EUW1, 15,
                "missing metadata.labels.topology.kubernetes.io/region (the cluster's region)",
                "add the label topology.kubernetes.io/region: <region>");
    }

    @Test
    void missingCapacity() throws Exception {
        fleet.replace(EUW1, "    drover.io/capacity: \"1200\"\n", "");

        // Points at metadata.annotations (line 18).
        assertProblem(fleet.problem(), EUW1, 18,
                "missing metadata.annotations.drover.io/capacity (requests per second at 100% utilisation)",
                "annotate the Cluster with drover.io/capacity: \"<rps>\"");
    }

    @Test
    void capacityThatIsNotANumber() throws Exception {
        fleet.replace(EUW1, "drover.io/capacity: \"1200\"", "drover.io/capacity: \"1.2k\"");

        assertProblem(fleet.problem(), EUW1, 21,
                "metadata.annotations.drover.io/capacity is '1.2k' but must be a whole number >= 1",
                "annotate the Cluster with drover.io/capacity: \"<rps>\"");
    }

    @Test
    void capacityZero() throws Exception {
        fleet.replace(EUW1, "drover.io/capacity: \"1200\"", "drover.io/capacity: \"0\"");

        assertProblem(fleet.problem(), EUW1, 21,
                "metadata.annotations.drover.io/capacity is '0' but must be a whole number >= 1",
                "annotate the Cluster with drover.io/capacity: \"<rps>\"");
    }

    @Test
    void trafficWeightZeroIsAllowed() throws Exception {
        fleet.replace(EUW1, "drover.io/traffic-weight: \"100\"", "drover.io/traffic-weight: \"0\"");

        assertThat(fleet.read().cluster("prod-euw-01").orElseThrow().trafficWeight()).isZero();
    }

    @Test
    void negativeTrafficWeight() throws Exception {
        fleet.replace(EUW1, "drover.io/traffic-weight: \"100\"", "drover.io/traffic-weight: \"-1\"");

        assertProblem(fleet.problem(), EUW1, 23,
                "metadata.annotations.drover.io/traffic-weight is '-1' but must be a whole number >= 0",
                "annotate the Cluster with drover.io/traffic-weight: \"<weight>\"");
    }

    @Test
    void filesBesideTheClusterDirectoriesAreNotClusters() throws Exception {
        // The contract names clusters/<cluster>/...; a README or a kustomization.yaml directly under
        // clusters/ is common in GitOps repos and is "anything not named here", left alone.
        fleet.write("clusters/README.md", "# One directory per cluster\n");

        Fleet read = fleet.read();

        assertThat(read.clusters()).containsOnlyKeys(
                "prod-euw-01", "prod-euw-02", "prod-use-01", "prod-use-02", "staging-euw-01");
    }

    @Test
    void aSecondClusterDocumentIsReportedAtItsLine() throws Exception {
        fleet.write(EUW1, fleet.text(EUW1) + "---\napiVersion: cluster.x-k8s.io/v1beta1\nkind: Cluster\nmetadata:\n  name: x\n");

        assertProblem(fleet.problem(), EUW1, 48, "a second document of kind Cluster (the first starts at line 10)",
                "keep exactly one Cluster API Cluster");
    }

    @Test
    void unquotedNumbersAndBooleansInLabelsAndAnnotationsAreWarnedOfNotRefused() throws Exception {
        fleet.replace(EUW1, "    env: production\n", "    env: production\n    tier: 1\n    canary: yes\n    zone: \"2\"\n");

        Fleet read = fleet.read();

        assertThat(read.warnings()).extracting(Problem::path, Problem::line, Problem::message).containsExactly(
                tuple(EUW1, 17, "the label tier: 1 is unquoted, so YAML reads a number or a boolean, not a string;"
                        + " Kubernetes refuses the object"),
                tuple(EUW1, 18, "the label canary: yes is unquoted, so YAML reads a number or a boolean, not a string;"
                        + " Kubernetes refuses the object"));
        assertThat(read.cluster("prod-euw-01").orElseThrow().labels()).containsEntry("tier", "1");
    }

    @Test
    void theExampleReadsWithoutWarnings() throws Exception {
        assertThat(fleet.read().warnings()).isEmpty();
    }

    // --- argocd/clusters/<cluster>.yaml

    @Test
    void clusterWithoutArgoCdSecret() throws Exception {
        fleet.delete(EUW1_SECRET);

        // The whole cluster definition is meant: line 0.
        assertProblem(fleet.problem(), EUW1, 0, "cluster prod-euw-01 has no Argo CD cluster Secret",
                "add argocd/clusters/prod-euw-01.yaml (a Secret labelled argocd.argoproj.io/secret-type: cluster)");
    }

    @Test
    void secretWithoutCluster() throws Exception {
        fleet.write("argocd/clusters/prod-euw-03.yaml", fleet.text(EUW1_SECRET).replace("prod-euw-01", "prod-euw-03"));

        assertProblem(fleet.problem(), "argocd/clusters/prod-euw-03.yaml", 0,
                "Argo CD cluster Secret for prod-euw-03, but there is no clusters/prod-euw-03/cluster.yaml",
                "add the cluster's definition, or delete the Secret");
    }

    @Test
    void secretWithoutSecretTypeLabel() throws Exception {
        fleet.replace(EUW1_SECRET, "    argocd.argoproj.io/secret-type: cluster\n", "");

        // Points at metadata.labels (line 18).
        assertProblem(fleet.problem(), EUW1_SECRET, 18,
                "the Secret is not labelled argocd.argoproj.io/secret-type: cluster, so Argo CD ignores it",
                "add that label");
    }

    @Test
    void secretNamingAnotherCluster() throws Exception {
        fleet.replace(EUW1_SECRET, "  name: prod-euw-01\n", "  name: prod-euw-02\n");

        assertProblem(fleet.problem(), EUW1_SECRET, 26, "stringData.name is prod-euw-02 but the file is named for prod-euw-01",
                "use the cluster name in both");
    }

    @Test
    void secretWithoutServer() throws Exception {
        fleet.replace(EUW1_SECRET, "  server: https://api.prod-euw-01.fleet.example.com\n", "");

        // Points at stringData (line 25).
        assertProblem(fleet.problem(), EUW1_SECRET, 25, "missing stringData.server (the cluster's API server URL)",
                "set stringData.server: https://...");
    }

    // --- traffic/*.yaml

    @Test
    void trafficRecordForUnknownCluster() throws Exception {
        fleet.write(STAGING_TRAFFIC, fleet.text(STAGING_TRAFFIC).replace("staging-euw-01", "staging-euw-09"));

        // The record starts at line 25; its setIdentifier is at line 28.
        assertProblem(fleet.problem(), STAGING_TRAFFIC, 28, "setIdentifier staging-euw-09 is not a cluster of this fleet",
                "use the name of a directory under clusters/, or remove the record");
    }

    @Test
    void trafficRecordWithoutWeight() throws Exception {
        fleet.replace(STAGING_TRAFFIC, "      providerSpecific:\n        - name: aws/weight\n          value: \"100\"\n", "");

        assertProblem(fleet.problem(), STAGING_TRAFFIC, 25, "the record of staging-euw-01 has no weight",
                "add providerSpecific: [{name: aws/weight, value: \"<weight>\"}]");
    }

    @Test
    void trafficWeightThatIsNotANumber() throws Exception {
        fleet.replace(STAGING_TRAFFIC, "value: \"100\"", "value: \"heavy\"");

        // Points at the value itself (line 33), below the aws/weight property's name.
        assertProblem(fleet.problem(), STAGING_TRAFFIC, 33, "weight of staging-euw-01 is 'heavy'",
                "write the weight as a whole number >= 0 in quotes, e.g. value: \"100\"");
    }

    @Test
    void dnsEndpointWithoutPeakRps() throws Exception {
        fleet.replace(STAGING_TRAFFIC, "    drover.io/peak-rps: \"50\"  # nightly load test\n", "");

        // Points at metadata.annotations (line 20), now empty.
        assertProblem(fleet.problem(), STAGING_TRAFFIC, 20,
                "missing metadata.annotations.drover.io/peak-rps (peak demand of this hostname in requests per second)",
                "annotate the DNSEndpoint with drover.io/peak-rps: \"<rps>\"");
    }

    @Test
    void twoHostnamesInOneDnsEndpoint() throws Exception {
        fleet.replace("traffic/api.yaml", "    - dnsName: api.example.com\n      recordType: CNAME\n      recordTTL: 60\n"
                + "      setIdentifier: prod-euw-02\n", "    - dnsName: www.example.com\n      recordType: CNAME\n"
                + "      recordTTL: 60\n      setIdentifier: prod-euw-02\n");

        assertProblem(fleet.problem(), "traffic/api.yaml", 36,
                "endpoint for www.example.com in the DNSEndpoint of api.example.com", "keep one hostname per DNSEndpoint");
    }

    @Test
    void trafficTargetWithoutClusterName() throws Exception {
        fleet.replace(STAGING_TRAFFIC, "        - ingress.staging-euw-01.fleet.example.com\n",
                "        - ingress.staging.fleet.example.com\n");

        // The line of targets (the record starts at line 25).
        assertProblem(fleet.problem(), STAGING_TRAFFIC, 29, "the targets of staging-euw-01 do not contain the cluster name",
                "point the record at the cluster's own ingress address, e.g. ingress.staging-euw-01.example.com");
    }

    // --- argocd/applicationsets/*.yaml and apps/

    @Test
    void overlayMissingForASelectedCluster() throws Exception {
        fleet.delete("apps/recommendations/overlays/prod-euw-02");

        assertProblem(fleet.problem(), "argocd/applicationsets/recommendations.yaml", 0,
                "ApplicationSet recommendations deploys apps/recommendations/overlays/prod-euw-02 to cluster prod-euw-02"
                        + " (its Secret's labels match), but that directory does not exist",
                "add the overlay apps/recommendations/overlays/prod-euw-02/kustomization.yaml,"
                        + " or change the labels in argocd/clusters/prod-euw-02.yaml");
    }

    @Test
    void secretLabelsSelectingAClusterWithoutOverlay() throws Exception {
        fleet.replace("argocd/clusters/prod-use-01.yaml", "    region: us-east-1\n", "    region: eu-west-1\n");

        assertProblem(fleet.problem(), "argocd/applicationsets/recommendations.yaml", 0,
                "ApplicationSet recommendations deploys apps/recommendations/overlays/prod-use-01 to cluster prod-use-01",
                "or change the labels in argocd/clusters/prod-use-01.yaml");
    }

    // --- rollouts/*.yaml

    @Test
    void rolloutWithUnknownStrategy() throws Exception {
        fleet.replace(ROLLOUT, "strategy: blue-green", "strategy: big-bang");

        assertProblem(fleet.problem(), ROLLOUT, 18, "unknown strategy 'big-bang'", "use one of blue-green, rolling, canary-fleet");
    }

    @Test
    void rolloutWithBadTargetVersion() throws Exception {
        fleet.replace(ROLLOUT, "targetVersion: v1.31.4", "targetVersion: v1.31-latest");

        assertProblem(fleet.problem(), ROLLOUT, 17, "spec.targetVersion 'v1.31-latest' is not a Kubernetes version",
                "write it as v<major>.<minor>.<patch>, e.g. v1.31.4");
    }

    @Test
    void rolloutWithoutClusterSelector() throws Exception {
        fleet.replace(ROLLOUT, "  clusterSelector:  # matched against the Cluster labels in clusters/*/cluster.yaml\n"
                + "    matchLabels:\n      env: production\n", "");

        // Points at spec (line 13).
        assertProblem(fleet.problem(), ROLLOUT, 13, "missing spec.clusterSelector",
                "say which clusters to upgrade, e.g. clusterSelector: {matchLabels: {env: production}}");
    }

    @Test
    void rolloutWhoseClusterSelectorIsLeftEmpty() throws Exception {
        // Commenting out the selector's content must not turn the rollout into "upgrade every cluster"
        // (today it is read as an empty selector and matches all five clusters, staging included).
        fleet.replace(ROLLOUT, "    matchLabels:\n      env: production\n", "    # matchLabels:\n    #   env: production\n");

        Problem problem = fleet.problem();

        assertThat(problem.path()).isEqualTo(ROLLOUT);
        assertThat(problem.line()).isEqualTo(14);
        assertThat(problem.message()).contains("spec.clusterSelector");
    }

    @Test
    void rolloutWhoseClusterSelectorHasAMisspeltField() throws Exception {
        // A misspelt matchLabels must not be read as an empty selector that matches the whole fleet.
        fleet.replace(ROLLOUT, "    matchLabels:\n", "    matchlabels:\n");

        Problem problem = fleet.problem();

        assertThat(problem.path()).isEqualTo(ROLLOUT);
        assertThat(problem.line()).isEqualTo(15);
        assertThat(problem.message()).contains("matchlabels");
        assertThat(problem.fix()).contains("matchLabels");
    }

    @Test
    void rolloutWhoseMatchExpressionsIsNotAList() throws Exception {
        // Read as no requirement, it selected every cluster, staging included.
        fleet.replace(ROLLOUT, "    matchLabels:\n      env: production\n", "    matchExpressions: {key: env}\n");

        assertProblem(fleet.problem(), ROLLOUT, 15, "matchExpressions must be a list",
                "write it as matchExpressions: [{key: env, operator: In, values: [production]}]");
    }

    @Test
    void applicationSetWhoseMatchLabelsIsNotAMapping() throws Exception {
        fleet.replace("argocd/applicationsets/shop.yaml", "          matchExpressions:\n",
                "          matchLabels: production\n          matchExpressions:\n");

        assertProblem(fleet.problem(), "argocd/applicationsets/shop.yaml", 16, "matchLabels must be a mapping of label: value",
                "write it as matchLabels: {env: production}");
    }

    @Test
    void twoRolloutsWithTheSameName() throws Exception {
        fleet.write("rollouts/production-1-31-again.yaml", fleet.text(ROLLOUT));

        // Files are read in path order: production-1-31-again.yaml first.
        assertProblem(fleet.problem(), ROLLOUT, 9,
                "a second rollout named production-1-31 (the first is in rollouts/production-1-31-again.yaml)",
                "give each rollout its own name");
    }

    // --- across files

    @Test
    void twoClustersReplacingTheSameOne() throws Exception {
        addReplacement("prod-euw-03", "prod-euw-01");
        addReplacement("prod-euw-04", "prod-euw-01");

        assertProblem(fleet.problem(), "clusters/prod-euw-04/cluster.yaml", 0,
                "both prod-euw-03 and prod-euw-04 say they replace prod-euw-01",
                "remove the drover.io/replaces annotation from one of them");
    }

    @Test
    void oneReplacementIsFine() throws Exception {
        addReplacement("prod-euw-03", "prod-euw-01");

        Fleet read = fleet.read();

        assertThat(read.replacementOf("prod-euw-01").orElseThrow().name()).isEqualTo("prod-euw-03");
        assertThat(read.cluster("prod-euw-03").orElseThrow().replaces()).contains("prod-euw-01");
        assertThat(read.expectedApplications(read.cluster("prod-euw-03").orElseThrow())).isEmpty();
    }

    @Test
    void fiveProblemsInFiveFilesAreReportedTogetherSortedByFileThenLine() throws Exception {
        fleet.replace(EUW1, "version: v1.30.6", "version: latest")
                .replace("argocd/clusters/prod-use-01.yaml", "    argocd.argoproj.io/secret-type: cluster\n", "")
                .replace("traffic/api.yaml", "drover.io/peak-rps: \"600\"", "drover.io/peak-rps: \"lots\"")
                .replace(ROLLOUT, "strategy: blue-green", "strategy: big-bang")
                .replace("clusters/staging-euw-01/cluster.yaml", "drover.io/capacity: \"300\"", "drover.io/capacity: \"0\"");

        List<Problem> problems = fleet.problems();

        assertThat(problems).extracting(Problem::path, Problem::line).containsExactly(
                tuple("argocd/clusters/prod-use-01.yaml", 18),
                tuple("clusters/prod-euw-01/cluster.yaml", 34),
                tuple("clusters/staging-euw-01/cluster.yaml", 22),
                tuple("rollouts/production-1-31.yaml", 18),
                tuple("traffic/api.yaml", 22));
        assertThat(problems).extracting(Problem::message).satisfiesExactly(
                m -> assertThat(m).contains("not labelled argocd.argoproj.io/secret-type: cluster"),
                m -> assertThat(m).contains("'latest' is not a Kubernetes version"),
                m -> assertThat(m).contains("drover.io/capacity is '0'"),
                m -> assertThat(m).contains("unknown strategy 'big-bang'"),
                m -> assertThat(m).contains("drover.io/peak-rps is 'lots'"));
    }

    @Test
    void problemsInOneFileAreSortedByLine() throws Exception {
        // The version (line 34) is checked before the capacity (line 21).
        fleet.replace(EUW1, "version: v1.30.6", "version: latest")
                .replace(EUW1, "drover.io/capacity: \"1200\"", "drover.io/capacity: \"none\"");

        assertThat(fleet.problems()).extracting(Problem::path, Problem::line)
                .containsExactly(tuple(EUW1, 21), tuple(EUW1, 34));
    }

    @Test
    void exceptionMessageListsEveryProblemWithFileLineAndFix() throws Exception {
        fleet.replace(ROLLOUT, "strategy: blue-green", "strategy: big-bang")
                .replace(EUW1, "version: v1.30.6", "version: latest");

        InvalidFleetException e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidFleetException.class,
                fleet::read);

        assertThat(e.getMessage()).isEqualTo("""
                2 problems in the fleet repository:
                  clusters/prod-euw-01/cluster.yaml:34: spec.topology.version 'latest' is not a Kubernetes version
                      fix: write it as v<major>.<minor>.<patch>, e.g. v1.30.6
                  rollouts/production-1-31.yaml:18: unknown strategy 'big-bang'
                      fix: use one of blue-green, rolling, canary-fleet""");
    }

    /** A new cluster as Drover adds it: a copy of the old one without the selection labels, annotated. */
    private void addReplacement(String name, String old) throws Exception {
        String definition = fleet.text("clusters/" + old + "/cluster.yaml").replace(old, name)
                .replace("  annotations:\n", "  annotations:\n    drover.io/replaces: " + old + "\n");
        fleet.write("clusters/" + name + "/cluster.yaml", definition);
        String secret = fleet.text("argocd/clusters/" + old + ".yaml").replace(old, name)
                .replace("    env: production\n", "")
                .replace("    region: eu-west-1\n", "")
                .replace("    fleet.example.com/platform: enabled\n", "");
        fleet.write("argocd/clusters/" + name + ".yaml", secret);
    }

    private static void assertProblem(Problem problem, String path, int line, String message, String fix) {
        assertThat(problem.path()).as("path of %s", problem).isEqualTo(path);
        assertThat(problem.line()).as("line of %s", problem).isEqualTo(line);
        assertThat(problem.message()).as("message of %s", problem).contains(message);
        assertThat(problem.fix()).as("fix of %s", problem).contains(fix);
    }
}
