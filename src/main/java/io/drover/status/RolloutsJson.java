package io.drover.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rollout views as JSON: absent values are left out rather than written as null, instants in
 * ISO-8601. Written by hand from the records so the JSON's shape is a decision, not an accident
 * of field names.
 */
public final class RolloutsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RolloutsJson() {
    }

    public static String write(List<RolloutView> rollouts) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                    Map.of("rollouts", rollouts.stream().map(RolloutsJson::rollout).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rollout views cannot be written as JSON", e);
        }
    }

    private static Map<String, Object> rollout(RolloutView view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rollout", view.rollout());
        json.put("targetVersion", view.targetVersion());
        json.put("observedAt", view.observedAt().toString());
        json.put("steps", view.steps().stream().map(RolloutsJson::step).toList());
        view.openPr().ifPresent(pr -> json.put("openPr", pr(pr)));
        view.gate().ifPresent(gate -> json.put("gate", gate(gate)));
        Map<String, Object> pause = new LinkedHashMap<>();
        pause.put("paused", view.pause().paused());
        view.pause().by().ifPresent(by -> pause.put("by", by));
        if (view.pause().paused()) {
            pause.put("reason", view.pause().reason());
        }
        json.put("pause", pause);
        json.put("next", view.next());
        view.nextAt().ifPresent(at -> json.put("nextAt", at.toString()));
        return json;
    }

    private static Map<String, Object> step(StepView step) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("number", step.number());
        json.put("id", step.id());
        if (!step.kind().isEmpty()) {
            json.put("kind", step.kind());
        }
        json.put("state", step.state().label());
        step.pr().ifPresent(pr -> json.put("pr", pr(pr)));
        return json;
    }

    private static Map<String, Object> pr(PullRequestLink pr) {
        return Map.of("number", pr.number(), "url", pr.url(), "title", pr.title());
    }

    private static Map<String, Object> gate(GateView gate) {
        return Map.of("step", gate.stepId(), "verdict", gate.verdict(), "reason", gate.reason(),
                "apps", gate.apps().stream().map(a -> Map.of("application", a.application(), "cluster", a.cluster(),
                        "sync", a.sync(), "health", a.health(), "verdict", a.verdict())).toList());
    }
}
