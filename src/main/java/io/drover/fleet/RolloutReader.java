package io.drover.fleet;

import io.drover.model.Cluster;
import io.drover.model.FleetFiles;
import io.drover.model.KubeVersion;
import io.drover.model.LabelSelector;
import io.drover.model.Rollout;
import io.drover.model.Strategy;
import io.drover.yaml.YamlNode;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Reads the declared upgrades in {@code rollouts/*.yaml}. */
final class RolloutReader {

    private final FleetFiles files;
    private final Problems problems;
    private final YamlDocuments yaml;

    RolloutReader(FleetFiles files, Problems problems, FleetReadMemo memo) {
        this.files = files;
        this.problems = problems;
        this.yaml = new YamlDocuments(problems, memo);
    }

    /** The rollouts; one whose selector matches none of {@code clusters} is read, with a warning. */
    SortedMap<String, Rollout> read(Collection<Cluster> clusters) {
        SortedMap<String, Rollout> rollouts = new TreeMap<>();
        for (String path : files.pathsMatching("rollouts", ".yaml").toList()) {
            yaml.parse(path, files.read(path).orElseThrow()).ifPresent(file -> {
                for (YamlNode doc : YamlDocuments.ofKind(file, "Rollout")) {
                    read(path, doc).ifPresent(r -> {
                        warnIfSelectingNothing(r, doc, clusters);
                        if (rollouts.containsKey(r.name())) {
                            problems.add(path, doc.line(), "a second rollout named " + r.name()
                                    + " (the first is in " + rollouts.get(r.name()).path() + ")", "give each rollout its own name");
                        }
                        rollouts.put(r.name(), r);
                    });
                }
            });
        }
        return rollouts;
    }

    private Optional<Rollout> read(String path, YamlNode doc) {
        Optional<String> name = problems.required(doc, path, "the rollout's name", "name it", "metadata", "name");
        Optional<YamlNode> selectorNode = doc.at("spec", "clusterSelector").filter(YamlNode::isMapping);
        Optional<LabelSelector> selector = Optional.empty();
        if (selectorNode.isEmpty()) {
            problems.add(path, doc.nearestLine("spec", "clusterSelector"), "missing spec.clusterSelector",
                    "say which clusters to upgrade, e.g. clusterSelector: {matchLabels: {env: production}}");
        } else {
            selector = SelectorReader.read(selectorNode.get(), path, problems);
        }
        Optional<KubeVersion> version = problems.requiredVersion(doc, path, "the version to upgrade to",
                new KubeVersion(1, 31, 4), "spec", "targetVersion");
        String strategies = Arrays.stream(Strategy.values()).map(Strategy::id).collect(Collectors.joining(", "));
        Optional<String> strategyText = problems.required(doc, path, "how to upgrade", "use one of " + strategies,
                "spec", "strategy");
        Optional<Strategy> strategy = strategyText.flatMap(Strategy::byId);
        if (strategyText.isPresent() && strategy.isEmpty()) {
            problems.add(path, doc.at("spec", "strategy").get().line(), "unknown strategy '" + strategyText.get() + "'",
                    "use one of " + strategies);
        }
        String policy = doc.text("spec", "policy").orElse("default");
        if (name.isEmpty() || selector.isEmpty() || version.isEmpty() || strategy.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Rollout(name.get(), path, selector.get(), version.get(), strategy.get(), policy,
                doc.nearestLine("spec", "policy")));
    }

    private void warnIfSelectingNothing(Rollout rollout, YamlNode doc, Collection<Cluster> clusters) {
        if (clusters.stream().noneMatch(c -> rollout.clusterSelector().matches(c.labels()))) {
            problems.warn(rollout.path(), doc.nearestLine("spec", "clusterSelector"), "rollout " + rollout.name()
                    + " selects no cluster: no Cluster's labels match " + rollout.clusterSelector(),
                    "compare spec.clusterSelector with the metadata.labels in clusters/*/cluster.yaml");
        }
    }
}
