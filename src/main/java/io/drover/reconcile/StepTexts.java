package io.drover.reconcile;

import io.drover.model.FleetFiles;
import io.drover.planning.Plan;
import io.drover.planning.Step;
import io.drover.planning.StepOutline;
import io.drover.planning.capacity.ClusterLoad;
import io.drover.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The commit message, PR title and PR body of a step, rendered from the templates. */
final class StepTexts {

    private static final Pattern BODY_COMMIT = Pattern.compile("drover:rollout=\\S+ step=\\S+ plan=\\S+ commit=([0-9a-f]{40})");

    private final FleetFiles fleet;
    private final Plan plan;
    private final int mergedBefore;
    private final Supplier<String> gate;
    /** Texts are pure functions of the fields above: rendered once, when first asked. */
    private String planHash;
    private String title;
    private String bodyText;

    /** @param mergedBefore how many steps of this rollout are already merged */
    /** @param gate what Drover will wait for after the merge; asked only when a text is rendered */
    StepTexts(FleetFiles fleet, Plan plan, int mergedBefore, Supplier<String> gate) {
        this.fleet = fleet;
        this.plan = plan;
        this.mergedBefore = mergedBefore;
        this.gate = gate;
    }

    Step step() {
        return plan.firstStep();
    }

    int number() {
        return mergedBefore + 1;
    }

    int total() {
        return mergedBefore + plan.steps().size();
    }

    /** Identifies the plan this step was proposed from: the remaining steps with their edits. */
    synchronized String planHash() {
        if (planHash == null) {
            planHash = computePlanHash();
        }
        return planHash;
    }

    private String computePlanHash() {
        StringBuilder identity = new StringBuilder(plan.rollout().toString());
        for (StepOutline s : plan.steps()) {
            identity.append(s.id()).append(' ').append(s.changesDigest()).append('\n');
        }
        return digest(identity.toString());
    }

    private static String digest(String text) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The hidden line Drover ends a step's PR body with: the plan, the branch commit and a digest of
     * the text above it. A body is out of date when its marker is not the one Drover would write now
     * (compared by marker, not text, as GitHub need not keep line ends); a marker naming another
     * commit was written before Drover rebuilt the branch.
     */
    private String marker(String commit, String text) {
        return "drover:rollout=" + plan.rollout().name() + " step=" + step().id() + " plan=" + planHash()
                + " commit=" + commit + " text=" + digest(text);
    }

    /** Whether {@code body} is the PR body Drover would write now for the branch at {@code commit}. */
    boolean describes(String body, String commit) {
        return body.contains(marker(commit, bodyText()));
    }

    /** The branch commit an earlier body was written for, if it carries Drover's marker. */
    static Optional<String> commitOf(String body) {
        Matcher commit = BODY_COMMIT.matcher(body);
        return commit.find() ? Optional.of(commit.group(1)) : Optional.empty();
    }

    String commitMessage() {
        return Texts.render(fleet, "commit/step.txt.qute", data());
    }

    synchronized String title() {
        if (title == null) {
            title = Texts.render(fleet, "pr/title.txt.qute", data()).strip();
        }
        return title;
    }

    /** The PR body for the step as the branch holds it at {@code commit}. */
    String body(String commit) {
        String text = bodyText();
        return Texts.withMarker(text, marker(commit, text));
    }

    private synchronized String bodyText() {
        if (bodyText == null) {
            bodyText = Texts.render(fleet, "pr/body.md.qute", data());
        }
        return bodyText;
    }

    Map<String, Object> data() {
        Step step = step();
        Policy policy = plan.policy();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("rollout", plan.rollout().name());
        data.put("strategy", plan.rollout().strategy().id());
        data.put("targetVersion", plan.rollout().targetVersion().toString());
        data.put("policy", policy.name());
        data.put("number", number());
        data.put("total", total());
        data.put("planHash", planHash());
        data.put("step", Map.of("id", step.id(), "kind", step.kind().id(), "title", step.title(), "summary", step.summary(),
                "clusters", String.join(", ", step.clusters())));
        data.put("whyNow", number() == 1
                ? "This is the first step of the rollout declared in `" + plan.rollout().path() + "`."
                : "Step " + mergedBefore + " is merged and its soak time has passed; this is the next step of the plan.");
        data.put("files", step.changes().stream().map(c -> Map.of("action", c.action(), "path", c.path())).toList());
        data.put("capacityRule", policy.capacity().name());
        data.put("maxUtilisation", Math.round(policy.capacity().maxUtilisation() * 100));
        data.put("table", table(step));
        data.put("worstCase", step.capacityAfter().worstCase().map(w -> "Worst case after this step (" + policy.capacity().name()
                + "): " + w.describe() + ".").orElse(""));
        data.put("gate", gate.get());
        data.put("soak", human(policy.soakOf(step.kind())));
        data.put("timeout", human(policy.gateTimeoutOf(step.kind())));
        data.put("rollback", policy.automaticRollback());
        data.put("autoMerge", policy.autoMerge().contains(step.kind()));
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < mergedBefore; i++) {
            steps.add(Map.of("number", i + 1, "title", "(merged)", "done", true, "current", false));
        }
        for (int i = 0; i < plan.steps().size(); i++) {
            steps.add(Map.of("number", mergedBefore + i + 1, "title", plan.steps().get(i).title(), "done", false, "current", i == 0));
        }
        data.put("steps", steps);
        return data;
    }

    private List<Map<String, String>> table(Step step) {
        Map<String, ClusterLoad> before = plan.before().byCluster();
        Map<String, ClusterLoad> after = step.after().byCluster();
        List<Map<String, String>> rows = new ArrayList<>();
        for (String cluster : new TreeSet<>(union(before.keySet(), after.keySet()))) {
            ClusterLoad b = before.get(cluster);
            ClusterLoad a = after.get(cluster);
            rows.add(Map.of("cluster", cluster,
                    "weightsBefore", b == null ? "-" : weights(b), "weightsAfter", a == null ? "(removed)" : weights(a),
                    "before", b == null ? "-" : percent(b), "after", a == null ? "-" : percent(a)));
        }
        return rows;
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String weights(ClusterLoad load) {
        return String.join(", ", new java.util.TreeMap<>(load.weights()).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    private static String percent(ClusterLoad load) {
        return Math.round(load.utilisation() * 100) + "% (" + Math.round(load.loadRps()) + "/" + load.capacityRps() + " rps)";
    }

    static String human(Duration d) {
        if (d.isZero()) {
            return "no time";
        }
        if (d.toMinutes() < 1) {
            return d.toSeconds() + "s";
        }
        return d.toHours() >= 1 && d.toMinutesPart() == 0 ? d.toHours() + "h" : d.toMinutes() + "m";
    }
}
