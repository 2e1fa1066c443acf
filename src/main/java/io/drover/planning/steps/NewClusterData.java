package io.drover.planning.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.drover.model.Cluster;
import io.drover.model.KubeVersion;
import io.drover.yaml.YamlScalars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the new-cluster templates see: the new cluster's name and version, and the facts of the
 * cluster it replaces (region, capacity, weight, wave, topology, non-selecting labels, Secret config).
 * Values are pre-formatted as YAML scalars so templates can place them as they are.
 */
final class NewClusterData {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private NewClusterData() {
    }

    static Map<String, Object> of(String name, Cluster old, String oldDefinition, String oldSecret, KubeVersion version,
            String rollout, Set<String> selectionKeys) {
        JsonNode cluster = document(oldDefinition, "Cluster");
        JsonNode secret = document(oldSecret, "Secret");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("version", version.toString());
        data.put("rollout", rollout);
        data.put("replaces", old.name());
        data.put("region", old.region());
        data.put("capacity", old.capacityRps());
        data.put("trafficWeight", old.trafficWeight());
        // The new cluster keeps the old one's place in a policy's stages for the next rollout.
        data.put("wave", old.wave().map(YamlScalars::format).orElse(""));
        data.put("namespace", cluster.path("metadata").path("namespace").asText("default"));
        data.put("labels", labels(old.labels(), Set.of()));
        data.put("topology", topology(cluster.path("spec").path("topology")));
        Map<String, Object> secretData = new LinkedHashMap<>();
        secretData.put("name", Names.replace(secret.path("metadata").path("name").asText(name), old.name(), name));
        secretData.put("namespace", secret.path("metadata").path("namespace").asText("argocd"));
        secretData.put("server", YamlScalars.format(Names.replace(old.secret().server(), old.name(), name)));
        secretData.put("labels", labels(old.secret().labels(), selectionKeys));
        String config = secret.path("stringData").path("config").asText("");
        secretData.put("configLines", config.isBlank() ? List.of() : Names.replace(config.strip(), old.name(), name).lines().toList());
        data.put("secret", secretData);
        return data;
    }

    private static List<Map<String, String>> labels(Map<String, String> labels, Set<String> leaveOut) {
        List<Map<String, String>> list = new ArrayList<>();
        labels.forEach((key, value) -> {
            if (!leaveOut.contains(key)) {
                list.add(Map.of("key", YamlScalars.format(key), "value", YamlScalars.format(value)));
            }
        });
        return list;
    }

    private static Map<String, Object> topology(JsonNode topology) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("class", topology.path("class").asText());
        map.put("controlPlaneReplicas", topology.path("controlPlane").path("replicas").asInt(3));
        List<Map<String, Object>> deployments = new ArrayList<>();
        topology.path("workers").path("machineDeployments").forEach(md -> deployments.add(Map.of(
                "class", md.path("class").asText(), "name", md.path("name").asText(),
                "replicas", md.path("replicas").asInt(1))));
        map.put("machineDeployments", deployments);
        List<Map<String, String>> variables = new ArrayList<>();
        topology.path("variables").forEach(v -> variables.add(Map.of("name", v.path("name").asText(),
                "value", json(v.path("value")))));
        map.put("variables", variables);
        return map;
    }

    /** JSON is YAML too: a nested variable value fits on one line whatever its shape. */
    private static String json(JsonNode value) {
        if (value.isTextual()) {
            return YamlScalars.format(value.asText());
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode document(String text, String kind) {
        try {
            for (JsonNode doc : YAML.readerFor(JsonNode.class).<JsonNode>readValues(text).readAll()) {
                if (doc != null && kind.equals(doc.path("kind").asText())) {
                    return doc;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no " + kind + " document");
    }
}
