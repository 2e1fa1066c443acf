package io.drover.demo;

import io.drover.model.StepKind;
import io.drover.policy.Policy;
import io.drover.yaml.YamlEditor;
import io.drover.yaml.YamlFile;
import io.drover.yaml.YamlNode;
import io.drover.yaml.YamlSyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The policy the demo runs its rollout under, written into the demo's fleet repo as
 * {@code policies/demo.yaml}: the rollout's own policy with every soak time divided by the demo's
 * speed (whole seconds), no freeze or change windows (the demo runs at any hour), and a rollback
 * pull request when a gate fails. Gate timeouts are divided too, but kept at least
 * {@link #MIN_GATE_TIMEOUT} so that a slow machine does not time out a gate the stand-in passes.
 */
public record DemoPolicy(Policy original, double speed) {

    public static final String NAME = "demo";
    public static final String PATH = "policies/" + NAME + ".yaml";
    public static final Duration MIN_GATE_TIMEOUT = Duration.ofSeconds(30);

    public DemoPolicy {
        if (!(speed >= 1)) {
            throw new IllegalArgumentException("the demo's speed must be at least 1, not " + speed);
        }
    }

    /** A duration of the original policy at the demo's speed: whole seconds, at least one where the original is not zero. */
    public Duration scaled(Duration duration) {
        if (duration.isZero()) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(Math.max(1, Math.round(duration.toMillis() / 1000.0 / speed)));
    }

    Duration gateTimeout(Duration original) {
        Duration scaled = scaled(original);
        return scaled.compareTo(MIN_GATE_TIMEOUT) < 0 ? MIN_GATE_TIMEOUT : scaled;
    }

    /** The policy file. */
    public String yaml() {
        StringBuilder y = new StringBuilder();
        y.append("# Written by drover demo: policy ").append(original.name()).append(" with its soak times divided by ")
                .append(speedText()).append(",\n# no change or freeze windows (the demo runs at any hour), and automatic rollback.\n");
        y.append("apiVersion: drover.io/v1alpha1\nkind: Policy\nmetadata:\n  name: ").append(NAME).append("\nspec:\n");
        y.append("  trafficRamp: [").append(original.trafficRamp().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .append("]\n");
        y.append("  soak:\n");
        for (StepKind kind : StepKind.values()) {
            if (original.soak().containsKey(kind)) {
                y.append("    ").append(kind.id()).append(": ").append(seconds(scaled(original.soakOf(kind)))).append('\n');
            }
        }
        y.append("  clustersInFlight: \"").append(original.clustersInFlight()).append("\"\n");
        original.stages().ifPresent(stages -> y.append("  stages:\n    by: ").append(stages.by()).append("\n    order: [")
                .append(String.join(", ", stages.order())).append("]\n"));
        y.append("  capacity:\n    spareClusters: ").append(original.capacity().spareClusters())
                .append("\n    maxUtilisation: ").append(original.capacity().maxUtilisation()).append('\n');
        y.append("  freezeWindows: []\n  changeWindows: []\n");
        y.append("  autoMerge: [").append(original.autoMerge().stream().map(StepKind::id).sorted().collect(Collectors.joining(", ")))
                .append("]\n");
        y.append("  gateTimeouts:\n    default: ").append(seconds(gateTimeout(original.defaultGateTimeout()))).append('\n');
        for (Map.Entry<StepKind, Duration> timeout : original.gateTimeouts().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            y.append("    ").append(timeout.getKey().id()).append(": ").append(seconds(gateTimeout(timeout.getValue()))).append('\n');
        }
        y.append("  newClusterName: \"").append(original.newClusterName()).append("\"\n");
        y.append("  automaticRollback: true\n");
        return y.toString();
    }

    /** The rollout file with {@code spec.policy} naming the demo policy; comments and layout elsewhere kept. */
    public static String selectIn(String rolloutPath, String rolloutYaml) {
        try {
            YamlFile file = YamlFile.parse(rolloutPath, rolloutYaml);
            YamlNode spec = file.documents().get(0).get("spec").orElseThrow(() ->
                    new IllegalArgumentException(rolloutPath + " has no spec"));
            return new YamlEditor(file).putEntry(spec, "policy", NAME).apply();
        } catch (YamlSyntaxException e) {
            throw new IllegalArgumentException(rolloutPath + " does not read as YAML: " + e.getMessage(), e);
        }
    }

    String speedText() {
        return speed == Math.rint(speed) ? String.valueOf((long) speed) : String.format(Locale.ROOT, "%.1f", speed);
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + "s";
    }
}
