package io.drover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.gate.NoHealthGate;
import io.drover.model.FleetFiles;
import io.drover.model.Rollout;
import io.drover.planning.Plan;
import io.drover.testing.ExampleFleet;
import io.drover.testing.FullPlan;
import io.drover.testing.Planning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Texts promise only what Drover does. Every shipped PR, comment and commit template is rendered
 * with the data Drover gives it, under a policy that sets everything Drover reads but does not act
 * on yet to values found nowhere else, and none may mention them; with no health gate configured
 * (drover.gate=none) no step text may claim a health check. The docs and the shipped files mark
 * the same settings.
 */
class TextsTellTheTruthTest {

    /**
     * Policy settings Drover reads but does not act on yet, and the words that would promise them.
     * When Drover starts acting on one, remove it here and its mark in docs/policies.md.
     */
    /** Policy settings Drover reads but does not act on yet, and words that would promise them. None at present. */
    private static final Map<String, List<String>> NOT_ACTED_ON = Map.of();

    /** Without a health gate no step text may say a step was seen healthy; the gate's own comments say what it saw. */
    private static final List<String> NO_HEALTH_GATE = List.of("healthy", "synced", "passed its gate", "gates passed");

    private static final String POLICY = ExampleFleet.defaultPolicyAnyTime()
            .replace("  autoMerge: []", "  autoMerge: [add-cluster]")
            .replace("    default: 30m\n    add-cluster: 60m", "    default: 47m\n    add-cluster: 53m")
            .replace("    pause: []", "    pause: [4242]")
            .replace("automaticRollback: false", "automaticRollback: true");

    @Test
    void noShippedTemplatePromisesWhatDroverDoesNotDo() throws Exception {
        FleetFiles files = ExampleFleet.withFleetPolicy(POLICY);
        FullPlan plan = Planning.plan(files);
        assertThat(plan.policy().gateTimeoutOf(plan.steps().get(0).kind())).hasToString("PT53M");
        assertThat(plan.policy().chatOps().pause()).containsExactly(4242L);
        assertThat(plan.policy().automaticRollback()).isTrue();
        Rollout rollout = plan.rollout();
        Map<String, Object> commentData = new HashMap<>(Map.of("rolloutPath", rollout.path(), "head", "drover/" + rollout.name() + "/x",
                "paths", "traffic/shop.yaml", "baseSha", "0123456789ab", "reason", "outside the change windows",
                "until", "2026-11-30T08:00:00Z", "nextStep", "drain-prod-euw-01", "policy", plan.policy().name(), "kind", "add-cluster"));
        commentData.putAll(Map.of("rollout", rollout.name(), "branch", "main", "detail", "no health gate configured",
                "apps", List.of(), "soakUntil", "2026-11-24T10:20:00Z", "deadline", "2026-11-24T10:53:00Z", "soak", "5m",
                "rollback", true, "mergeCommit", "0".repeat(40), "stepPr", 1));
        commentData.put("files", List.of(Map.of("action", "delete", "path", "clusters/prod-euw-03/cluster.yaml")));

        Map<String, String> rendered = new LinkedHashMap<>();
        for (int mergedBefore : new int[] {0, 3}) {
            StepTexts texts = new StepTexts(files, plan.plan(), mergedBefore, () -> new NoHealthGate().waitsFor(null, List.of(), null, null));
            for (String template : shippedTemplates()) {
                String name = template + " (after " + mergedBefore + " merged)";
                if (template.startsWith("comments/")) {
                    String kind = template.substring("comments/".length(), template.indexOf(".md.qute"));
                    Map<String, Object> data = new HashMap<>(texts.data());
                    data.putAll(commentData);
                    rendered.put(name, Texts.render(files, template, data));
                } else {
                    rendered.put(name, switch (template) {
                        case "pr/title.txt.qute" -> texts.title();
                        case "pr/body.md.qute" -> texts.body("0".repeat(40));
                        case "commit/step.txt.qute" -> texts.commitMessage();
                        case "pr/rollback-title.txt.qute", "pr/rollback-body.md.qute", "commit/rollback.txt.qute" ->
                                Texts.render(files, template, withStep(commentData));
                        default -> throw new AssertionError("a new template Drover renders: add it here, " + template);
                    });
                }
            }
        }

        assertThat(rendered.get("pr/body.md.qute (after 0 merged)")).contains("soaks for 5m", "within 53m of the merge",
                "opens a pull request that reverts this step", "lets Drover merge this step itself");
        rendered.forEach((template, text) -> {
            String lower = text.toLowerCase(Locale.ROOT);
            NOT_ACTED_ON.forEach((setting, words) -> assertThat(words).as("%s promises %s, which Drover does not act on yet:%n%s",
                    template, setting, text).noneMatch(lower::contains));
            if (!template.startsWith("comments/gate-")) {
                assertThat(NO_HEALTH_GATE).as("%s claims a health check, but no health gate is configured:%n%s", template, text)
                        .noneMatch(lower::contains);
            }
        });
    }

    @Test
    void theDocsAndTheShippedPoliciesMarkTheSettingsDroverDoesNotActOnYet() throws IOException {
        Set<String> marked = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `(\\w+)[^|]*\\|[^|]*\\| \\*\\*not acted on yet\\*\\*").matcher(
                Files.readString(Path.of("docs/policies.md")));
        while (row.find()) {
            marked.add(row.group(1));
        }
        assertThat(marked).as("rows of docs/policies.md marked not acted on yet").isEqualTo(new TreeSet<>(NOT_ACTED_ON.keySet()));

        for (String policy : List.of("default", "conservative")) {
            List<String> lines = Files.readAllLines(Path.of("policies", policy + ".yaml"));
            for (String setting : NOT_ACTED_ON.keySet()) {
                assertThat(markOf(lines, setting)).as("policies/%s.yaml marks %s", policy, setting).contains("not acted on yet");
            }
        }
    }

    @Test
    void theExampleRolloutsMentionOnlyWaysToSteerThatExist() throws IOException {
        try (Stream<Path> rollouts = Files.list(ExampleFleet.DIRECTORY.resolve("rollouts"))) {
            for (Path rollout : rollouts.toList()) {
                String text = Files.readString(rollout);
                assertThat(text).as(rollout.toString()).doesNotContain("/drover");
            }
        }
        assertThat(Files.readString(ExampleFleet.DIRECTORY.resolve("rollouts/production-1-31.yaml")))
                .contains("close the open step PR", "reopening it goes on");
    }

    private static Map<String, Object> withStep(Map<String, Object> data) {
        Map<String, Object> withStep = new HashMap<>(data);
        withStep.put("step", Map.of("id", "add-prod-euw-03", "kind", "add-cluster"));
        return withStep;
    }

    /** The setting's line under {@code spec} with the comment lines right above it, as one line of words. */
    private static String markOf(List<String> lines, String setting) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("  " + setting + ":")) {
                int first = i;
                while (first > 0 && lines.get(first - 1).trim().startsWith("#")) {
                    first--;
                }
                return String.join(" ", lines.subList(first, i + 1)).replaceAll("[\\s#]+", " ");
            }
        }
        throw new AssertionError("no " + setting + " in the policy");
    }

    /** The templates Drover renders for pull requests, comments and commits, as shipped. */
    private static List<String> shippedTemplates() throws IOException {
        List<String> names = new ArrayList<>();
        for (String dir : List.of("pr", "comments", "commit")) {
            try (Stream<Path> files = Files.list(Path.of("templates", dir))) {
                files.map(f -> dir + "/" + f.getFileName()).sorted().forEach(names::add);
            }
        }
        return names;
    }
}
