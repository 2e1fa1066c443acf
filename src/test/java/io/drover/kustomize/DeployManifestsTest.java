package io.drover.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy/kubernetes builds with the real kustomize, and what it builds is what docs/deploy.md promises. */
class DeployManifestsTest {

    private static final Path DIR = Path.of("deploy/kubernetes");
    private static final Map<String, JsonNode> BUILT = new TreeMap<>();

    @BeforeAll
    static void build() throws Exception {
        List<String> argv = new ArrayList<>(Arrays.asList(Kustomize.resolve(null).command().split(" ")));
        argv.add(DIR.toString());
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (JsonNode doc : yaml.readValues(new YAMLFactory().createParser(output), JsonNode.class).readAll()) {
            BUILT.put(doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText(), doc);
        }
    }

    @Test
    void buildsTheServiceAndNoSecret() {
        assertThat(BUILT.keySet()).containsExactlyInAnyOrder("ServiceAccount/drover", "Role/drover-leader-election",
                "RoleBinding/drover-leader-election", "ConfigMap/drover", "Deployment/drover", "Service/drover");
        assertThat(BUILT.values()).allSatisfy(doc -> assertThat(doc.path("metadata").has("namespace")).isFalse());
    }

    @Test
    void theServiceAccountMayOnlyHoldTheLease() {
        JsonNode rules = BUILT.get("Role/drover-leader-election").path("rules");
        assertThat(rules).hasSize(1);
        assertThat(texts(rules.get(0).path("apiGroups"))).containsExactly("coordination.k8s.io");
        assertThat(texts(rules.get(0).path("resources"))).containsExactly("leases");
        assertThat(texts(rules.get(0).path("verbs"))).containsExactlyInAnyOrder("get", "create", "update");
        JsonNode binding = BUILT.get("RoleBinding/drover-leader-election");
        assertThat(binding.path("roleRef").path("kind").asText()).isEqualTo("Role");
        assertThat(binding.path("subjects").get(0).path("name").asText()).isEqualTo("drover");
    }

    @Test
    void twoReplicasElectALeaderRunAsNonRootOnAReadOnlyRoot() {
        JsonNode deployment = BUILT.get("Deployment/drover");
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(pod.path("serviceAccountName").asText()).isEqualTo("drover");
        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(texts(container.path("volumeMounts"), "mountPath")).containsExactlyInAnyOrder("/var/lib/drover", "/tmp");
        JsonNode config = BUILT.get("ConfigMap/drover").path("data");
        assertThat(config.path("DROVER_LEADER_ELECTION_ENABLED").asText()).isEqualTo("true");
        assertThat(config.path("DROVER_DATA_DIR").asText()).isEqualTo("/var/lib/drover");
        assertThat(texts(container.path("envFrom"), "secretRef")).hasSize(1);
        assertThat(container.path("envFrom").findValuesAsText("name")).containsExactlyInAnyOrder("drover", "drover-tokens");
    }

    @Test
    void theProbesAskDroversOwnChecksAndEverySettingIsOneDroverReads() throws IOException {
        JsonNode container = BUILT.get("Deployment/drover").path("spec").path("template").path("spec").path("containers").get(0);
        // The paths of SmallRye Health, where Drover's checks answer (OperationsEndpointsTest calls them over HTTP).
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
        assertThat(container.path("livenessProbe").path("httpGet").path("port").asText()).isEqualTo("http");
        // A misspelt variable would be ignored without a word: each must be a documented setting's.
        String settings = Files.readString(Path.of("docs/settings.md"));
        List<String> variables = new ArrayList<>(iterable(BUILT.get("ConfigMap/drover").path("data").fieldNames()));
        variables.addAll(texts(container.path("env"), "name"));
        variables.addAll(iterable(new ObjectMapper(new YAMLFactory()).readTree(DIR.resolve("secret.example.yaml").toFile())
                .path("stringData").fieldNames()));
        assertThat(variables).filteredOn(name -> name.startsWith("DROVER_")).isNotEmpty()
                .allSatisfy(name -> assertThat(settings).contains("| `" + name + "` |"));
    }

    @Test
    void theSecretExampleHasPlaceholdersForExactlyTheTokensAndIsNotBuilt() throws IOException {
        String example = Files.readString(DIR.resolve("secret.example.yaml"));
        JsonNode secret = new ObjectMapper(new YAMLFactory()).readTree(example);
        assertThat(iterable(secret.path("stringData").fieldNames())).containsExactlyInAnyOrder("DROVER_REPO_TOKEN",
                "DROVER_GITHUB_TOKEN", "DROVER_WEBHOOK_SECRET", "DROVER_ARGOCD_TOKEN");
        assertThat(texts(secret.path("stringData"))).allSatisfy(value -> assertThat(value).startsWith("REPLACE"));
        JsonNode kustomization = new ObjectMapper(new YAMLFactory()).readTree(DIR.resolve("kustomization.yaml").toFile());
        assertThat(texts(kustomization.path("resources"))).isNotEmpty().noneMatch(resource -> resource.contains("secret"));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).filter(n -> n.has(field)).map(n -> n.path(field).toString()
                .replace("\"", "")).toList();
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
