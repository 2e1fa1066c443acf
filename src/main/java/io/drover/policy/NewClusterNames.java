package io.drover.policy;

import io.drover.model.Cluster;
import io.drover.model.DnsLabel;
import io.drover.model.Fleet;
import io.drover.model.KubeVersion;
import io.drover.model.Problem;
import io.drover.model.Rollout;
import io.drover.model.Strategy;
import io.drover.yaml.YamlFile;
import io.drover.yaml.YamlSyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A policy's {@code newClusterName} pattern: checked when the policy is read, and rendered for the
 * clusters a rollout replaces. {@code {seq}} is one past the highest number any cluster of the same
 * prefix carries, so the names stay the same when planning again after some of them exist.
 */
public final class NewClusterNames {

    private static final Pattern NUMBERED = Pattern.compile("(.*?)-(\\d+)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final List<String> PLACEHOLDERS = List.of("prefix", "seq", "name", "region", "version");

    private NewClusterNames() {
    }

    /** Why no cluster could ever get a valid name from the pattern; empty if some could. */
    static Optional<String> whyNeverValid(String pattern) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                return Optional.of("it has the unknown placeholder {" + m.group(1) + "}");
            }
        }
        String literal = PLACEHOLDER.matcher(pattern).replaceAll("");
        if (!literal.matches("[-a-z0-9]*")) {
            return Optional.of("its text '" + literal + "' holds characters a DNS label cannot");
        }
        if (pattern.startsWith("-") || pattern.endsWith("-")) {
            return Optional.of("it starts or ends with '-'");
        }
        if (literal.length() > DnsLabel.MAX_LENGTH) {
            return Optional.of("its text alone is longer than " + DnsLabel.MAX_LENGTH + " characters");
        }
        return Optional.empty();
    }

    /** The names the pattern gives the clusters that replace {@code olds}, by old name, in their order. */
    public static Map<String, String> of(String pattern, Collection<String> existing, List<Cluster> olds,
            KubeVersion target) {
        Map<String, Integer> nextSeq = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Cluster old : olds) {
            Matcher m = NUMBERED.matcher(old.name());
            String prefix = m.matches() ? m.group(1) : old.name();
            int width = m.matches() ? m.group(2).length() : 2;
            int seq = nextSeq.computeIfAbsent(prefix, p -> highestNumber(existing, p) + 1);
            nextSeq.put(prefix, seq + 1);
            names.put(old.name(), pattern
                    .replace("{prefix}", prefix)
                    .replace("{seq}", String.format("%0" + width + "d", seq))
                    .replace("{name}", old.name())
                    .replace("{region}", old.region())
                    .replace("{version}", target.minorName().replace('.', '-')));
        }
        return names;
    }

    /**
     * For a rollout that adds clusters: each cluster it would replace whose new name would not be a
     * DNS label (a long name with a pattern that adds to it), reported at the cluster's definition.
     */
    public static List<Problem> problems(Fleet fleet, Rollout rollout, Policy policy) {
        if (rollout.strategy() == Strategy.ROLLING) {
            return List.of();
        }
        Map<String, Cluster> replacements = fleet.replacements();
        List<Cluster> olds = fleet.clusters().values().stream()
                .filter(c -> rollout.clusterSelector().matches(c.labels()))
                .filter(c -> c.version().isBefore(rollout.targetVersion()))
                .filter(c -> !replacements.containsKey(c.name()))
                .toList();
        Map<String, String> names = of(policy.newClusterName(), fleet.clusters().keySet(), olds, rollout.targetVersion());
        List<Problem> problems = new ArrayList<>();
        for (Cluster old : olds) {
            String name = names.get(old.name());
            if (DnsLabel.matches(name)) {
                continue;
            }
            int excess = name.length() - DnsLabel.MAX_LENGTH;
            problems.add(new Problem(old.definitionPath(), nameLine(fleet, old), "rollout " + rollout.name() + " would replace "
                    + old.name() + " by '" + name + "' (newClusterName '" + policy.newClusterName() + "' of policy "
                    + policy.name() + "), which is not " + DnsLabel.RULE,
                    (excess > 0 ? "shorten the name " + old.name() + " by " + excess + " characters, or " : "")
                            + "change newClusterName in " + policy.source()));
        }
        return problems;
    }

    private static int nameLine(Fleet fleet, Cluster cluster) {
        try {
            return YamlFile.parse(cluster.definitionPath(), fleet.files().read(cluster.definitionPath()).orElseThrow())
                    .documents().stream().filter(d -> d.text("kind").filter("Cluster"::equals).isPresent())
                    .findFirst().map(d -> d.nearestLine("metadata", "name")).orElse(0);
        } catch (YamlSyntaxException e) {
            return 0;
        }
    }

    private static int highestNumber(Collection<String> existing, String prefix) {
        return existing.stream()
                .map(NUMBERED::matcher)
                .filter(m -> m.matches() && m.group(1).equals(prefix))
                .mapToInt(m -> Integer.parseInt(m.group(2)))
                .max().orElse(0);
    }
}
