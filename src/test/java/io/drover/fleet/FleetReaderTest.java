package io.drover.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.drover.model.ApplicationSet;
import io.drover.model.Cluster;
import io.drover.model.DirectoryPattern;
import io.drover.model.ExpectedApplication;
import io.drover.model.Fleet;
import io.drover.model.HostnameTraffic;
import io.drover.model.KubeVersion;
import io.drover.model.Rollout;
import io.drover.model.Strategy;
import io.drover.testing.ExampleFleet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads the bundled example fleet and checks what Drover makes of it. */
class FleetReaderTest {

    private static Fleet fleet;

    @BeforeAll
    static void readExample() throws Exception {
        fleet = FleetReader.read(FleetSource.directory(Path.of("fleet-repo-example")));
    }

    @Test
    void readsTheFiveClustersWithTheirFacts() {
        assertThat(fleet.clusters().values())
                .extracting(Cluster::name, c -> c.version().toString(), Cluster::region, Cluster::capacityRps,
                        Cluster::trafficWeight)
                .containsExactly(
                        tuple("prod-euw-01", "v1.30.6", "eu-west-1", 1200, 100),
                        tuple("prod-euw-02", "v1.30.6", "eu-west-1", 1200, 100),
                        tuple("prod-use-01", "v1.30.6", "us-east-1", 1000, 100),
                        tuple("prod-use-02", "v1.30.6", "us-east-1", 1000, 100),
                        tuple("staging-euw-01", "v1.31.4", "eu-west-1", 300, 100));
    }

    @Test
    void clusterCarriesItsLabelsPathsAndArgoCdSecret() {
        Cluster cluster = fleet.cluster("prod-use-01").orElseThrow();

        assertThat(cluster.definitionPath()).isEqualTo("clusters/prod-use-01/cluster.yaml");
        assertThat(cluster.directory()).isEqualTo("clusters/prod-use-01");
        assertThat(cluster.version()).isEqualTo(new KubeVersion(1, 30, 6));
        assertThat(cluster.labels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "env", "production",
                "topology.kubernetes.io/region", "us-east-1"));
        assertThat(cluster.replaces()).isEmpty();

        assertThat(cluster.secret().path()).isEqualTo("argocd/clusters/prod-use-01.yaml");
        assertThat(cluster.secret().server()).isEqualTo("https://api.prod-use-01.fleet.example.com");
        assertThat(cluster.secret().labels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "argocd.argoproj.io/secret-type", "cluster",
                "env", "production",
                "region", "us-east-1",
                "fleet.example.com/platform", "enabled",
                "fleet.example.com/provider", "aws"));
        assertThat(fleet.cluster("staging-euw-01").orElseThrow().labels()).containsEntry("env", "staging");
        assertThat(fleet.cluster("prod-euw-03")).isEmpty();
    }

    @Test
    void readsFourApplicationSetsOneOfThemWithoutClusterSelector() {
        assertThat(fleet.applicationSets())
                .extracting(ApplicationSet::name, ApplicationSet::path, s -> s.clusterSelector().isPresent())
                .containsExactly(
                        tuple("cluster-definitions", "argocd/applicationsets/cluster-definitions.yaml", false),
                        tuple("platform", "argocd/applicationsets/platform.yaml", true),
                        tuple("recommendations", "argocd/applicationsets/recommendations.yaml", true),
                        tuple("shop", "argocd/applicationsets/shop.yaml", true));

        ApplicationSet shop = applicationSet("shop");
        assertThat(shop.nameTemplate()).isEqualTo("{{.name}}-shop");
        assertThat(shop.pathTemplates()).containsExactly("apps/shop/overlays/{{.name}}");
        assertThat(shop.clusterSelector().orElseThrow()).hasToString("env in (production,staging)");
        assertThat(applicationSet("recommendations").clusterSelector().orElseThrow())
                .hasToString("env=production,region=eu-west-1");
        assertThat(applicationSet("platform").clusterSelector().orElseThrow())
                .hasToString("fleet.example.com/platform=enabled");
    }

    @Test
    void theGitGeneratorSelectsNoCluster() {
        ApplicationSet definitions = applicationSet("cluster-definitions");

        assertThat(fleet.clusters().values()).noneMatch(definitions::selects);
        assertThat(fleet.clusters().values()).allMatch(applicationSet("platform")::selects);
    }

    @Test
    void theGitGeneratorMakesTheApplicationOfEachClustersDefinition() {
        assertThat(applicationSet("cluster-definitions").directories()).containsExactly(new DirectoryPattern("clusters/*", false));
        assertThat(fleet.definitionApplications(fleet.cluster("prod-euw-01").orElseThrow())).containsExactly(
                new ExpectedApplication("cluster-prod-euw-01", "cluster-definitions", "prod-euw-01", "default",
                        List.of("clusters/prod-euw-01")));
        assertThat(applicationSet("shop").directories()).isEmpty();
    }

    @Test
    void directoryPatternsStayInOneSegmentAndExclusionsWin() {
        Fleet edited = ExampleFleet.read(ExampleFleet.withEdit(ExampleFleet.withEdit(ExampleFleet.files(),
                        "argocd/applicationsets/cluster-definitions.yaml",
                        "          - path: clusters/*\n",
                        "          - path: clusters/*\n          - path: clusters/staging-*\n            exclude: true\n"),
                "argocd/applicationsets/cluster-definitions.yaml", "'cluster-{{path.basename}}'",
                "'{{ index .path.segments 0 }}-{{.path.basenameNormalized}}'"));

        assertThat(edited.definitionApplications(edited.cluster("prod-use-02").orElseThrow()))
                .extracting(ExpectedApplication::name).containsExactly("clusters-prod-use-02");
        assertThat(edited.definitionApplications(edited.cluster("staging-euw-01").orElseThrow())).isEmpty();
        assertThat(new DirectoryPattern("clusters/*", false).matches("clusters/prod-euw-01/machines")).isFalse();
        assertThat(new DirectoryPattern("clusters/prod-???-01", false).matches("clusters/prod-use-01")).isTrue();
    }

    @Test
    void theProjectOfAnApplicationComesFromItsTemplate() {
        Fleet edited = ExampleFleet.read(ExampleFleet.withEdit(ExampleFleet.files(), "argocd/applicationsets/shop.yaml",
                "project: default", "project: '{{index .metadata.labels \"env\"}}'"));

        assertThat(edited.expectedApplications(edited.cluster("prod-euw-01").orElseThrow()))
                .extracting(ExpectedApplication::name, ExpectedApplication::project)
                .containsExactly(tuple("prod-euw-01-ingress-nginx", "default"), tuple("prod-euw-01-recommendations", "default"),
                        tuple("prod-euw-01-shop", "production"));
    }

    @Test
    void expectsTheApplicationsOfEachCluster() {
        assertThat(applications("prod-euw-01")).containsExactly(
                tuple("prod-euw-01-ingress-nginx", "platform", List.of("apps/ingress-nginx/overlays/prod-euw-01")),
                tuple("prod-euw-01-recommendations", "recommendations",
                        List.of("apps/recommendations/overlays/prod-euw-01")),
                tuple("prod-euw-01-shop", "shop", List.of("apps/shop/overlays/prod-euw-01")));
        assertThat(applications("prod-euw-02")).extracting(t -> t.toList().get(0)).containsExactly(
                "prod-euw-02-ingress-nginx", "prod-euw-02-recommendations", "prod-euw-02-shop");
        assertThat(applications("prod-use-01")).containsExactly(
                tuple("prod-use-01-ingress-nginx", "platform", List.of("apps/ingress-nginx/overlays/prod-use-01")),
                tuple("prod-use-01-shop", "shop", List.of("apps/shop/overlays/prod-use-01")));
        assertThat(applications("prod-use-02")).extracting(t -> t.toList().get(0)).containsExactly(
                "prod-use-02-ingress-nginx", "prod-use-02-shop");
        assertThat(applications("staging-euw-01")).containsExactly(
                tuple("staging-euw-01-ingress-nginx", "platform",
                        List.of("apps/ingress-nginx/overlays/staging-euw-01")),
                tuple("staging-euw-01-shop", "shop", List.of("apps/shop/overlays/staging-euw-01")));
    }

    @Test
    void listsTheOverlaysOfACluster() {
        assertThat(fleet.overlaysOf(fleet.cluster("prod-euw-02").orElseThrow())).containsExactly(
                "apps/ingress-nginx/overlays/prod-euw-02",
                "apps/recommendations/overlays/prod-euw-02",
                "apps/shop/overlays/prod-euw-02");
        assertThat(fleet.overlaysOf(fleet.cluster("prod-use-02").orElseThrow())).containsExactly(
                "apps/ingress-nginx/overlays/prod-use-02",
                "apps/shop/overlays/prod-use-02");
    }

    @Test
    void selectionKeysAreTheLabelKeysApplicationSetsSelectOn() {
        assertThat(fleet.selectionKeys()).containsExactly("env", "fleet.example.com/platform", "region");
    }

    @Test
    void readsTheTrafficOfThreeHostnames() {
        assertThat(fleet.traffic())
                .extracting(HostnameTraffic::resourceName, HostnameTraffic::hostname, HostnameTraffic::path,
                        HostnameTraffic::peakRps, HostnameTraffic::totalWeight)
                .containsExactly(
                        tuple("api-example-com", "api.example.com", "traffic/api.yaml", 600, 400),
                        tuple("shop-example-com", "shop.example.com", "traffic/shop.yaml", 1400, 400),
                        tuple("shop-staging-example-com", "shop.staging.example.com", "traffic/staging.yaml", 50, 100));

        assertThat(fleet.traffic().get(1).weights()).containsExactly(
                Map.entry("prod-euw-01", 100), Map.entry("prod-euw-02", 100),
                Map.entry("prod-use-01", 100), Map.entry("prod-use-02", 100));
        assertThat(fleet.traffic().get(2).weights()).containsExactly(Map.entry("staging-euw-01", 100));
        assertThat(fleet.traffic().get(2).weightOf("prod-euw-01")).isZero();
    }

    @Test
    void knowsWhichHostnamesAClusterServes() {
        assertThat(fleet.trafficServedBy("prod-use-02")).extracting(HostnameTraffic::hostname)
                .containsExactly("api.example.com", "shop.example.com");
        assertThat(fleet.trafficServedBy("staging-euw-01")).extracting(HostnameTraffic::hostname)
                .containsExactly("shop.staging.example.com");
    }

    @Test
    void readsTheRollout() {
        assertThat(fleet.rollouts()).containsOnlyKeys("production-1-31");
        Rollout rollout = fleet.rollouts().get("production-1-31");

        assertThat(rollout.path()).isEqualTo("rollouts/production-1-31.yaml");
        assertThat(rollout.targetVersion()).isEqualTo(new KubeVersion(1, 31, 4));
        assertThat(rollout.strategy()).isEqualTo(Strategy.BLUE_GREEN);
        assertThat(rollout.policyName()).isEqualTo("default");
        assertThat(rollout.clusterSelector().matchLabels()).containsExactlyInAnyOrderEntriesOf(Map.of("env", "production"));
        assertThat(rollout.clusterSelector().matchExpressions()).isEmpty();
        assertThat(fleet.clusters().values()).filteredOn(c -> rollout.clusterSelector().matches(c.labels()))
                .extracting(Cluster::name)
                .containsExactly("prod-euw-01", "prod-euw-02", "prod-use-01", "prod-use-02");
    }

    @Test
    void noClusterIsAReplacement() {
        assertThat(fleet.replacementOf("prod-euw-01")).isEmpty();
    }

    private static ApplicationSet applicationSet(String name) {
        Optional<ApplicationSet> set = fleet.applicationSets().stream().filter(s -> s.name().equals(name)).findFirst();
        assertThat(set).as("ApplicationSet %s", name).isPresent();
        return set.get();
    }

    private static List<Tuple> applications(String cluster) {
        return fleet.expectedApplications(fleet.cluster(cluster).orElseThrow()).stream()
                .map(a -> {
                    assertThat(a.cluster()).isEqualTo(cluster);
                    return tuple(a.name(), a.applicationSet(), a.sourcePaths());
                })
                .toList();
    }
}
