package io.drover.planning.strategies;

import io.drover.model.Cluster;
import io.drover.planning.PlanRefusedException;
import io.drover.planning.PlanningContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names new clusters from the policy's pattern. {@code {seq}} is one past the highest number any
 * cluster of the same prefix carries now, so the names stay the same when planning again after
 * some of them exist (a new cluster always carries a higher number than the ones it follows).
 */
final class ClusterNaming {

    private static final Pattern NUMBERED = Pattern.compile("(.*?)-(\\d+)");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private ClusterNaming() {
    }

    /** Names for the given old clusters (which have no replacement yet), in their order. */
    static Map<String, String> newNames(PlanningContext context, List<Cluster> olds) throws PlanRefusedException {
        Map<String, Integer> nextSeq = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Cluster old : olds) {
            Matcher m = NUMBERED.matcher(old.name());
            String prefix = m.matches() ? m.group(1) : old.name();
            int width = m.matches() ? m.group(2).length() : 2;
            int seq = nextSeq.computeIfAbsent(prefix, p -> highestNumber(context, p) + 1);
            nextSeq.put(prefix, seq + 1);
            String name = context.policy().newClusterName()
                    .replace("{prefix}", prefix)
                    .replace("{seq}", String.format("%0" + width + "d", seq))
                    .replace("{name}", old.name())
                    .replace("{region}", old.region())
                    .replace("{version}", context.rollout().targetVersion().minorName().replace('.', '-'));
            if (!DNS_LABEL.matcher(name).matches()) {
                throw new PlanRefusedException("cannot name the cluster that replaces " + old.name(), List.of(
                        "newClusterName '" + context.policy().newClusterName() + "' of policy " + context.policy().name()
                                + " gives '" + name + "', which is not a DNS label (lower case, digits, '-', at most 63)"));
            }
            if (context.fleet().clusters().containsKey(name) || names.containsValue(name)) {
                throw new PlanRefusedException("cannot name the cluster that replaces " + old.name(), List.of(
                        "newClusterName '" + context.policy().newClusterName() + "' gives '" + name
                                + "', which is already taken; include {seq} in the pattern"));
            }
            names.put(old.name(), name);
        }
        return names;
    }

    private static int highestNumber(PlanningContext context, String prefix) {
        return context.fleet().clusters().keySet().stream()
                .map(NUMBERED::matcher)
                .filter(m -> m.matches() && m.group(1).equals(prefix))
                .mapToInt(m -> Integer.parseInt(m.group(2)))
                .max().orElse(0);
    }
}
