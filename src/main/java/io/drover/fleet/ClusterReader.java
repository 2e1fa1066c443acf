package io.drover.fleet;

import io.drover.model.Cluster;
import io.drover.model.ClusterSecret;
import io.drover.model.DnsLabel;
import io.drover.model.FleetFiles;
import io.drover.model.KubeVersion;
import io.drover.yaml.YamlFile;
import io.drover.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Reads {@code clusters/<name>/cluster.yaml} and the matching {@code argocd/clusters/<name>.yaml}. */
final class ClusterReader {

    static final String REGION_LABEL = "topology.kubernetes.io/region";
    static final String CAPACITY = "drover.io/capacity";
    static final String TRAFFIC_WEIGHT = "drover.io/traffic-weight";
    static final String REPLACES = "drover.io/replaces";
    static final String WAVE = "drover.io/wave";
    private static final String SECRET_TYPE_LABEL = "argocd.argoproj.io/secret-type";
    private static final KubeVersion EXAMPLE_VERSION = new KubeVersion(1, 30, 6);

    private final FleetFiles files;
    private final Problems problems;
    private final FleetReadMemo memo;

    ClusterReader(FleetFiles files, Problems problems, FleetReadMemo memo) {
        this.files = files;
        this.problems = problems;
        this.memo = memo;
    }

    SortedMap<String, Cluster> read() {
        List<String> secretPaths = Stream.concat(
                files.refused().keySet().stream().filter(p -> p.startsWith("argocd/clusters/") && p.endsWith(".yaml")),
                files.pathsMatching("argocd/clusters", ".yaml")).toList();
        return read(directoryNames(files), secretPaths);
    }

    /**
     * The clusters of these names alone (those of them that are there), with exactly the problems a
     * read of every cluster reports about them: what a cluster is depends on its own two files only.
     */
    SortedMap<String, Cluster> read(Collection<String> names) {
        SortedSet<String> directories = new TreeSet<>();
        List<String> secretPaths = new ArrayList<>();
        for (String name : names) {
            String directory = "clusters/" + name + "/";
            if (files.isDirectory(directory) || files.refused().keySet().stream().anyMatch(p -> p.startsWith(directory))) {
                directories.add(name);
            }
            String secretPath = secretPath(name);
            if (files.exists(secretPath) || files.refused().containsKey(secretPath)) {
                secretPaths.add(secretPath);
            }
        }
        return read(directories, secretPaths);
    }

    private SortedMap<String, Cluster> read(SortedSet<String> names, List<String> secretPaths) {
        Map<String, ClusterSecret> secrets = readSecrets(secretPaths);
        SortedMap<String, Cluster> clusters = new TreeMap<>();
        for (String name : names) {
            String path = "clusters/" + name + "/cluster.yaml";
            if (files.refused().containsKey(path)) {
                continue;
            }
            if (!files.exists(path)) {
                problems.add("clusters/" + name, 0, "cluster directory without cluster.yaml",
                        "add " + path + " with a Cluster API Cluster named " + name + ", or remove the directory");
                continue;
            }
            ClusterSecret secret = secrets.get(name);
            if (secret == null && !secrets.containsKey(name)) {
                problems.add(path, 0, "cluster " + name + " has no Argo CD cluster Secret",
                        "add " + secretPath(name) + " (a Secret labelled " + SECRET_TYPE_LABEL + ": cluster)");
            }
            String text = files.read(path).orElseThrow();
            Optional<Definition> definition = memo.remember("cluster", path, text, problems,
                    own -> readDefinition(name, path, text, own));
            if (definition.isPresent() && secret != null) {
                Definition read = definition.get();
                clusters.put(name, memo.cluster(read, secret, () -> read.with(secret)));
            }
        }
        secrets.keySet().stream().filter(n -> !names.contains(n)).forEach(n -> problems.add(
                secretPath(n), 0, "Argo CD cluster Secret for " + n + ", but there is no clusters/" + n + "/cluster.yaml",
                "add the cluster's definition, or delete the Secret"));
        return clusters;
    }

    static String secretPath(String cluster) {
        return "argocd/clusters/" + cluster + ".yaml";
    }

    /** Every directory under clusters/ that holds a file, readable or not: each is meant as a cluster. */
    static SortedSet<String> directoryNames(FleetFiles files) {
        SortedSet<String> names = new TreeSet<>();
        Stream.concat(files.under("clusters").keySet().stream(), files.refused().keySet().stream())
                .filter(p -> p.startsWith("clusters/")).forEach(p -> {
                    // The second segment of clusters/<name>/...; a file directly under clusters/ names no cluster.
                    int end = p.indexOf('/', "clusters/".length());
                    if (end >= 0) {
                        names.add(p.substring("clusters/".length(), end));
                    }
                });
        return names;
    }

    /** What the cluster's definition says, apart from its Secret: a function of the file's path and content. */
    private static Optional<Definition> readDefinition(String name, String path, String text, Problems problems) {
        Optional<YamlFile> file = new YamlDocuments(problems).parse(path, text);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Optional<YamlNode> single = single(path, file.get(), problems, "Cluster",
                "Cluster API Cluster (apiVersion cluster.x-k8s.io/v1beta1)");
        if (single.isEmpty()) {
            return Optional.empty();
        }
        YamlNode doc = single.get();
        Optional<String> metaName = problems.required(doc, path, "the cluster name", "set it to " + name, "metadata", "name");
        if (metaName.isPresent() && !metaName.get().equals(name)) {
            problems.add(path, doc.at("metadata", "name").get().line(),
                    "metadata.name is " + metaName.get() + " but the directory is clusters/" + name,
                    "name the Cluster after its directory");
        }
        if (!DnsLabel.matches(name)) {
            problems.add(path, doc.nearestLine("metadata", "name"), "the cluster name '" + name + "' is not " + DnsLabel.RULE
                    + (name.length() > DnsLabel.MAX_LENGTH ? " (it has " + name.length() + ")" : ""),
                    "rename the cluster: its directory clusters/" + name + ", metadata.name, and argocd/clusters/" + name
                            + ".yaml with its stringData.name");
        }
        Optional<KubeVersion> version = problems.requiredVersion(doc, path, "the Kubernetes version", EXAMPLE_VERSION,
                "spec", "topology", "version");
        Optional<String> region = problems.required(doc, path, "the cluster's region",
                "add the label " + REGION_LABEL + ": <region>", "metadata", "labels", REGION_LABEL);
        OptionalInt capacity = problems.requiredInt(doc, path, "requests per second at 100% utilisation", 1,
                "annotate the Cluster with " + CAPACITY + ": \"<rps>\"", "metadata", "annotations", CAPACITY);
        OptionalInt weight = problems.requiredInt(doc, path, "the full share on the global load balancer", 0,
                "annotate the Cluster with " + TRAFFIC_WEIGHT + ": \"<weight>\"", "metadata", "annotations", TRAFFIC_WEIGHT);
        Optional<String> replaces = doc.text("metadata", "annotations", REPLACES);
        Optional<String> wave = doc.text("metadata", "annotations", WAVE).filter(w -> !w.isBlank());
        SortedMap<String, String> labels = new TreeMap<>();
        doc.at("metadata", "labels").ifPresent(l -> l.entries().forEach((k, v) -> {
            if (v.isScalar()) {
                labels.put(k, v.scalar());
            }
        }));
        if (version.isEmpty() || region.isEmpty() || capacity.isEmpty() || weight.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Definition(name, path, version.get(), labels, region.get(), capacity.getAsInt(),
                weight.getAsInt(), replaces, wave));
    }

    /** A cluster as its definition file says, to be joined with its Argo CD cluster Secret. */
    private record Definition(String name, String path, KubeVersion version, SortedMap<String, String> labels,
            String region, int capacityRps, int trafficWeight, Optional<String> replaces,
            Optional<String> wave) {

        Cluster with(ClusterSecret secret) {
            return new Cluster(name, path, version, labels, region, capacityRps, trafficWeight, replaces, secret, wave);
        }
    }

    /** Secrets by cluster name; a name maps to null when its Secret exists but is unusable (or refused). */
    private Map<String, ClusterSecret> readSecrets(List<String> paths) {
        Map<String, ClusterSecret> secrets = new TreeMap<>();
        for (String path : paths) {
            String name = secretName(path);
            secrets.put(name, null);
            if (files.refused().containsKey(path)) {
                continue;
            }
            String text = files.read(path).orElseThrow();
            Optional<ClusterSecret> secret = memo.remember("secret", path, text, problems,
                    own -> new YamlDocuments(own).parse(path, text).flatMap(file -> readSecret(name, path, file, own)));
            secret.ifPresent(s -> secrets.put(name, s));
        }
        return secrets;
    }

    /** The one document of a kind in a file; reports its absence, or each further one at the line it starts. */
    private static Optional<YamlNode> single(String path, YamlFile file, Problems problems, String kind, String what) {
        List<YamlNode> docs = YamlDocuments.ofKind(file, kind);
        if (docs.isEmpty()) {
            problems.add(path, 1, "no document of kind " + kind, "keep exactly one " + what + " in this file");
            return Optional.empty();
        }
        for (YamlNode further : docs.subList(1, docs.size())) {
            problems.add(path, further.line(), "a second document of kind " + kind + " (the first starts at line "
                    + docs.get(0).line() + ")", "keep exactly one " + what + " in this file");
        }
        return docs.size() == 1 ? Optional.of(docs.get(0)) : Optional.empty();
    }

    private static String secretName(String path) {
        return path.substring("argocd/clusters/".length(), path.length() - ".yaml".length());
    }

    private static Optional<ClusterSecret> readSecret(String name, String path, YamlFile file, Problems problems) {
        Optional<YamlNode> single = single(path, file, problems, "Secret",
                "Secret (the Argo CD cluster Secret of " + name + ", labelled " + SECRET_TYPE_LABEL + ": cluster)");
        if (single.isEmpty()) {
            return Optional.empty();
        }
        YamlNode doc = single.get();
        if (!"cluster".equals(doc.text("metadata", "labels", SECRET_TYPE_LABEL).orElse(""))) {
            problems.add(path, doc.nearestLine("metadata", "labels"),
                    "the Secret is not labelled " + SECRET_TYPE_LABEL + ": cluster, so Argo CD ignores it",
                    "add that label");
        }
        Optional<String> secretName = problems.required(doc, path, "the cluster name Argo CD shows",
                "set stringData.name: " + name, "stringData", "name");
        if (secretName.isPresent() && !secretName.get().equals(name)) {
            problems.add(path, doc.at("stringData", "name").get().line(),
                    "stringData.name is " + secretName.get() + " but the file is named for " + name,
                    "use the cluster name in both");
        }
        Optional<String> server = problems.required(doc, path, "the cluster's API server URL",
                "set stringData.server: https://...", "stringData", "server");
        SortedMap<String, String> labels = new TreeMap<>();
        doc.at("metadata", "labels").ifPresent(l -> l.entries().forEach((k, v) -> {
            if (v.isScalar()) {
                labels.put(k, v.scalar());
            }
        }));
        return server.map(s -> new ClusterSecret(path, s, labels));
    }
}
