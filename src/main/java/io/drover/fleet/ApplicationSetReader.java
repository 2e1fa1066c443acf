package io.drover.fleet;

import io.drover.model.ApplicationSet;
import io.drover.model.Cluster;
import io.drover.model.DirectoryPattern;
import io.drover.model.FleetFiles;
import io.drover.model.LabelSelector;
import io.drover.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code argocd/applicationsets/*.yaml}. */
final class ApplicationSetReader {

    private final FleetFiles files;
    private final Problems problems;
    private final YamlDocuments yaml;

    ApplicationSetReader(FleetFiles files, Problems problems, FleetReadMemo memo) {
        this.files = files;
        this.problems = problems;
        this.yaml = new YamlDocuments(problems, memo);
    }

    /** The ApplicationSets; one whose clusters generator selects none of {@code clusters} is read, with a warning. */
    List<ApplicationSet> read(Collection<Cluster> clusters) {
        List<ApplicationSet> sets = new ArrayList<>();
        for (String path : files.pathsMatching("argocd/applicationsets", ".yaml").toList()) {
            yaml.parse(path, files.read(path).orElseThrow()).ifPresent(file -> {
                for (YamlNode doc : YamlDocuments.ofKind(file, "ApplicationSet")) {
                    read(path, doc).ifPresent(set -> {
                        warnIfDeployingNowhere(set, doc, clusters);
                        sets.add(set);
                    });
                }
            });
        }
        return sets;
    }

    private void warnIfDeployingNowhere(ApplicationSet set, YamlNode doc, Collection<Cluster> clusters) {
        if (set.clusterSelector().isPresent() && clusters.stream().noneMatch(set::selects)) {
            int line = doc.at("spec", "generators").map(YamlNode::items).orElse(List.of()).stream()
                    .flatMap(generator -> generator.get("clusters").stream())
                    .map(generator -> generator.keyLine("selector") > 0 ? generator.keyLine("selector") : generator.line())
                    .reduce((first, last) -> last).orElse(doc.line());
            problems.warn(set.path(), line, "ApplicationSet " + set.name()
                    + " deploys to no cluster: no Argo CD cluster Secret's labels match "
                    + (set.clusterSelector().get().keys().isEmpty() ? "its selector" : set.clusterSelector().get()),
                    "compare the clusters generator's selector with the labels in argocd/clusters/*.yaml");
        }
    }

    private Optional<ApplicationSet> read(String path, YamlNode doc) {
        Optional<String> name = problems.required(doc, path, "the ApplicationSet's name", "name it", "metadata", "name");
        Optional<String> nameTemplate = problems.required(doc, path, "the name of each generated Application",
                "set spec.template.metadata.name, e.g. '{{.name}}-shop'", "spec", "template", "metadata", "name");
        Optional<LabelSelector> selector = Optional.empty();
        List<DirectoryPattern> directories = new ArrayList<>();
        for (YamlNode generator : doc.at("spec", "generators").map(YamlNode::items).orElse(List.of())) {
            Optional<YamlNode> clusters = generator.get("clusters");
            if (clusters.isPresent()) {
                // A clusters generator without a selector selects every cluster Argo CD knows.
                Optional<YamlNode> selectorNode = clusters.get().get("selector");
                selector = selectorNode.isPresent()
                        ? SelectorReader.read(selectorNode.get(), path, problems)
                        : Optional.of(LabelSelector.matchLabels(Map.of()));
            }
            generator.at("git", "directories").map(YamlNode::items).orElse(List.of()).forEach(d -> d.text("path")
                    .ifPresent(p -> directories.add(new DirectoryPattern(p, d.text("exclude").filter("true"::equals).isPresent()))));
        }
        // Argo CD puts an Application without a project into "default".
        String project = doc.text("spec", "template", "spec", "project").orElse("default");
        List<String> paths = new ArrayList<>();
        doc.text("spec", "template", "spec", "source", "path").ifPresent(paths::add);
        doc.at("spec", "template", "spec", "sources").map(YamlNode::items).orElse(List.of())
                .forEach(s -> s.text("path").ifPresent(paths::add));
        if (name.isEmpty() || nameTemplate.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ApplicationSet(name.get(), path, selector, nameTemplate.get(), paths, project, directories));
    }
}
