package io.drover.fleet;

import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.model.HostnameTraffic;
import io.drover.yaml.YamlFile;
import io.drover.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Reads the weighted records in {@code traffic/*.yaml} (external-dns DNSEndpoint). */
final class TrafficReader {

    static final String PEAK_RPS = "drover.io/peak-rps";
    static final String WEIGHT_PROPERTY = "aws/weight";

    private final FleetFiles files;
    private final Problems problems;
    private final YamlDocuments yaml;
    private final FleetReadMemo memo;

    TrafficReader(FleetFiles files, Problems problems, FleetReadMemo memo) {
        this.files = files;
        this.problems = problems;
        this.memo = memo;
        this.yaml = new YamlDocuments(problems, memo);
    }

    /**
     * The traffic of a step's state: what a whole read gives, but a DNSEndpoint whose records the
     * step's splice kept (the same parsed nodes) is taken from {@code before} with what the step
     * changed: the weights of the records it edited, or the one record it added or removed, when
     * those read without a problem and are where the cluster's record was; any other is read whole.
     * A record kept is one {@code before} read without a problem, and its checks against the
     * fleet's clusters hold as they did unless its cluster's directory is gone, which is checked.
     *
     * @param clusterNames the cluster directories of this state
     * @param gone the clusters of {@code before} whose directory is gone
     */
    List<HostnameTraffic> readAfter(Fleet before, Set<String> clusterNames, Set<String> gone) {
        List<HostnameTraffic> traffic = new ArrayList<>();
        for (String path : files.pathsMatching("traffic", ".yaml").toList()) {
            String text = files.read(path).orElseThrow();
            // The parse before the step's, taken before the new one replaces it in the memo.
            Optional<YamlFile> earlier = before.files().read(path)
                    .flatMap(t -> memo.known("yaml", path, t)).flatMap(v -> ((Optional<?>) v).map(YamlFile.class::cast));
            List<HostnameTraffic> read = before.traffic().stream().filter(t -> t.path().equals(path)).toList();
            yaml.parse(path, text).ifPresent(file -> {
                List<YamlNode> docs = YamlDocuments.ofKind(file, "DNSEndpoint");
                List<YamlNode> earlierDocs = earlier.map(f -> YamlDocuments.ofKind(f, "DNSEndpoint")).orElse(List.of());
                for (int i = 0; i < docs.size(); i++) {
                    Optional<HostnameTraffic> kept = earlierDocs.size() == docs.size() && read.size() == docs.size()
                            ? new KeptRecords(read.get(i), earlierDocs.get(i), docs.get(i), clusterNames, gone).traffic()
                            : Optional.empty();
                    if (kept.isPresent()) {
                        traffic.add(kept.get());
                    } else {
                        read(path, docs.get(i), clusterNames).ifPresent(traffic::add);
                    }
                }
            });
        }
        return traffic;
    }

    /** The most records between the kept ones that a step's read reads, when one was added or removed. */
    private static final int MAX_WRITTEN = 4;

    /** One DNSEndpoint of a step's state, taken from the one before it where its records are the same nodes. */
    private record KeptRecords(HostnameTraffic read, YamlNode earlier, YamlNode after, Set<String> clusterNames,
            Set<String> gone) {

        Optional<HostnameTraffic> traffic() {
            if (earlier.isSameNode(after)) {
                return read.weights().keySet().stream().anyMatch(gone::contains) ? Optional.empty() : Optional.of(read);
            }
            Optional<YamlNode> earlierMetadata = earlier.get("metadata");
            Optional<YamlNode> metadata = after.get("metadata");
            if (earlierMetadata.isEmpty() || metadata.isEmpty() || !earlierMetadata.get().isSameNode(metadata.get())) {
                return Optional.empty();
            }
            Optional<YamlNode> olds = earlier.at("spec", "endpoints");
            Optional<YamlNode> news = after.at("spec", "endpoints");
            int oldCount = olds.map(YamlNode::itemCount).orElse(0);
            int newCount = news.map(YamlNode::itemCount).orElse(0);
            if (newCount == 0 || oldCount != read.weights().size() || Math.abs(newCount - oldCount) > 1) {
                return Optional.empty();
            }
            YamlNode oldItems = olds.get();
            YamlNode newItems = news.get();
            List<String> clusters = List.copyOf(read.weights().keySet());
            Map<String, Integer> weights = new LinkedHashMap<>();
            if (newCount == oldCount) {
                // Records edited in place (weights): each at its own place, naming the cluster it named;
                // the others as read before, unless a cluster's directory is gone.
                if (!gone.isEmpty() && clusters.stream().anyMatch(gone::contains)) {
                    return Optional.empty();
                }
                for (int i = 0; i < newCount; i++) {
                    if (!newItems.isSameItem(i, oldItems, i) && take(newItems.item(i), clusters.get(i), weights) == null) {
                        return Optional.empty();
                    }
                }
                return Optional.of(read.withWeights(weights));
            } else {
                // One record added or removed: the records before and after the edit are the same
                // nodes; the few between (the added one, and its neighbour a splice copied with a
                // new end) are read.
                int head = 0;
                while (head < Math.min(newCount, oldCount) && newItems.isSameItem(head, oldItems, head)) {
                    head++;
                }
                int tail = 0;
                while (tail < Math.min(newCount, oldCount) - head
                        && newItems.isSameItem(newCount - 1 - tail, oldItems, oldCount - 1 - tail)) {
                    tail++;
                }
                if (newCount - head - tail > MAX_WRITTEN) {
                    return Optional.empty();
                }
                Set<String> rewritten = new HashSet<>(clusters.subList(head, oldCount - tail));
                for (int i = 0; i < head; i++) {
                    if (!keep(clusters.get(i), weights)) {
                        return Optional.empty();
                    }
                }
                for (int i = head; i < newCount - tail; i++) {
                    // A record written between the kept ones is the added one, or one of those it stands between.
                    String taken = take(newItems.item(i), null, weights);
                    if (taken == null || !rewritten.contains(taken) && read.weights().containsKey(taken)) {
                        return Optional.empty();
                    }
                }
                for (int i = oldCount - tail; i < oldCount; i++) {
                    if (!keep(clusters.get(i), weights)) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(new HostnameTraffic(read.resourceName(), read.hostname(), read.path(), read.peakRps(), weights));
        }

        /** A record kept: its cluster's weight as read before, unless the cluster's directory is gone. */
        private boolean keep(String cluster, Map<String, Integer> weights) {
            if (gone.contains(cluster) || weights.containsKey(cluster)) {
                return false;
            }
            weights.put(cluster, read.weights().get(cluster));
            return true;
        }

        /**
         * A record the step wrote, read with nothing wrong by itself, for {@code cluster} if given:
         * its cluster, or null when it must be read as a whole read reads it.
         */
        private String take(YamlNode record, String cluster, Map<String, Integer> weights) {
            Optional<Weighted> written = weighted(record);
            if (written.isEmpty() || !written.get().dnsName().equals(read.hostname())
                    || cluster != null && !written.get().cluster().equals(cluster)
                    || !clusterNames.contains(written.get().cluster()) || weights.containsKey(written.get().cluster())) {
                return null;
            }
            weights.put(written.get().cluster(), written.get().weight());
            return written.get().cluster();
        }
    }

    private record Weighted(String dnsName, String cluster, int weight) {
    }

    /**
     * What a record says when {@link #read(String, YamlNode, Set)} finds nothing wrong with it by
     * itself (a dnsName, a setIdentifier, targets that name the cluster, a weight); empty otherwise,
     * and then the whole DNSEndpoint is read, so that its problems are reported as a read reports them.
     */
    private static Optional<Weighted> weighted(YamlNode endpoint) {
        Optional<String> dnsName = endpoint.get("dnsName").filter(YamlNode::isScalar).map(YamlNode::scalar);
        Optional<String> cluster = endpoint.get("setIdentifier").filter(YamlNode::isScalar).map(YamlNode::scalar);
        if (dnsName.isEmpty() || cluster.isEmpty() || endpoint.get("targets").map(YamlNode::items).orElse(List.of()).stream()
                .noneMatch(t -> t.isScalar() && t.scalar().contains(cluster.get()))) {
            return Optional.empty();
        }
        for (YamlNode property : endpoint.get("providerSpecific").map(YamlNode::items).orElse(List.of())) {
            if (WEIGHT_PROPERTY.equals(property.text("name").orElse(""))) {
                try {
                    int weight = Integer.parseInt(property.text("value").orElse("").trim());
                    return weight >= 0 ? Optional.of(new Weighted(dnsName.get(), cluster.get(), weight)) : Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    List<HostnameTraffic> read(Set<String> clusterNames) {
        List<HostnameTraffic> traffic = new ArrayList<>();
        for (String path : files.pathsMatching("traffic", ".yaml").toList()) {
            yaml.parse(path, files.read(path).orElseThrow()).ifPresent(file -> {
                for (YamlNode doc : YamlDocuments.ofKind(file, "DNSEndpoint")) {
                    read(path, doc, clusterNames).ifPresent(traffic::add);
                }
            });
        }
        return traffic;
    }

    private Optional<HostnameTraffic> read(String path, YamlNode doc, Set<String> clusterNames) {
        Optional<String> name = problems.required(doc, path, "the DNSEndpoint's name", "name it", "metadata", "name");
        OptionalInt peak = problems.requiredInt(doc, path, "peak demand of this hostname in requests per second", 0,
                "annotate the DNSEndpoint with " + PEAK_RPS + ": \"<rps>\"", "metadata", "annotations", PEAK_RPS);
        Map<String, Integer> weights = new LinkedHashMap<>();
        String hostname = null;
        boolean valid = true;
        for (YamlNode endpoint : doc.at("spec", "endpoints").map(YamlNode::items).orElse(List.of())) {
            // Each key looked up once: a read goes through every cluster's record of every hostname.
            Optional<YamlNode> dnsNameNode = endpoint.get("dnsName");
            Optional<YamlNode> clusterNode = endpoint.get("setIdentifier");
            Optional<String> dnsName = dnsNameNode.filter(YamlNode::isScalar).map(YamlNode::scalar);
            Optional<String> cluster = clusterNode.filter(YamlNode::isScalar).map(YamlNode::scalar);
            if (dnsName.isEmpty() || cluster.isEmpty()) {
                problems.add(path, endpoint.line(), "endpoint without dnsName or setIdentifier",
                        "give every weighted record a dnsName and the cluster name as setIdentifier");
                valid = false;
                continue;
            }
            if (hostname == null) {
                hostname = dnsName.get();
            } else if (!hostname.equals(dnsName.get())) {
                problems.add(path, dnsNameNode.get().line(), "endpoint for " + dnsName.get() + " in the DNSEndpoint of " + hostname,
                        "keep one hostname per DNSEndpoint");
                valid = false;
            }
            int setIdentifierLine = clusterNode.get().line();
            if (!clusterNames.contains(cluster.get())) {
                problems.add(path, setIdentifierLine, "setIdentifier " + cluster.get() + " is not a cluster of this fleet",
                        "use the name of a directory under clusters/, or remove the record");
                valid = false;
            } else if (weights.containsKey(cluster.get())) {
                problems.add(path, setIdentifierLine, "second record for cluster " + cluster.get() + " on " + hostname,
                        "keep one weighted record per cluster and hostname");
                valid = false;
            }
            boolean targetsNameCluster = endpoint.get("targets").map(YamlNode::items).orElse(List.of()).stream()
                    .anyMatch(t -> t.isScalar() && t.scalar().contains(cluster.get()));
            if (!targetsNameCluster) {
                problems.add(path, endpoint.nearestLine("targets"), "the targets of " + cluster.get() + " do not contain the cluster name",
                        "point the record at the cluster's own ingress address, e.g. ingress." + cluster.get() + ".example.com");
            }
            OptionalInt weight = weightOf(endpoint, path, cluster.get());
            if (weight.isEmpty()) {
                valid = false;
                continue;
            }
            weights.put(cluster.get(), weight.getAsInt());
        }
        if (hostname == null) {
            problems.add(path, doc.nearestLine("spec", "endpoints"), "DNSEndpoint without endpoints",
                    "add one weighted record per cluster under spec.endpoints");
            return Optional.empty();
        }
        if (!valid || name.isEmpty() || peak.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HostnameTraffic(name.get(), hostname, path, peak.getAsInt(), weights));
    }

    private OptionalInt weightOf(YamlNode endpoint, String path, String cluster) {
        for (YamlNode property : endpoint.get("providerSpecific").map(YamlNode::items).orElse(List.of())) {
            if (WEIGHT_PROPERTY.equals(property.text("name").orElse(""))) {
                String value = property.text("value").orElse("");
                try {
                    int weight = Integer.parseInt(value.trim());
                    if (weight >= 0) {
                        return OptionalInt.of(weight);
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
                problems.add(path, property.get("value").map(YamlNode::line).orElse(property.line()), "weight of " + cluster + " is '" + value + "'",
                        "write the weight as a whole number >= 0 in quotes, e.g. value: \"100\"");
                return OptionalInt.empty();
            }
        }
        problems.add(path, endpoint.line(), "the record of " + cluster + " has no weight",
                "add providerSpecific: [{name: " + WEIGHT_PROPERTY + ", value: \"<weight>\"}]");
        return OptionalInt.empty();
    }
}
