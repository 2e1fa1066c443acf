package io.drover.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.drover.diff.UnifiedDiff;
import io.drover.kustomize.OverlayBuilds.Build;
import io.drover.model.FileChange;
import io.drover.model.Problem;
import io.drover.planning.Plan;
import io.drover.planning.Step;
import io.drover.planning.capacity.CapacityCheck.CapacityVerdict;
import io.drover.planning.capacity.TrafficState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plan, or the problems that stopped it, as JSON in the schemas of docs/plan-json.md. */
final class PlanJson {

    static final String SCHEMA = "drover.io/plan/v1";
    static final String PROBLEMS_SCHEMA = "drover.io/plan-problems/v1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    static String render(Plan plan, List<Build> builds, RolloutProgress progress) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("rollout", plan.rollout().name());
        root.put("strategy", plan.rollout().strategy().id());
        root.put("targetVersion", plan.rollout().targetVersion().toString());
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("name", plan.policy().name());
        policy.put("source", plan.policy().source());
        policy.put("capacityRule", plan.policy().capacity().name());
        policy.put("maxUtilisation", plan.policy().capacity().maxUtilisation());
        policy.put("trafficRamp", plan.policy().trafficRamp());
        root.put("policy", policy);
        root.put("selectedClusters", plan.selected());
        root.put("clustersAtTarget", plan.atTarget());
        root.put("mergedSteps", progress.merged());
        root.put("mergedStepsReadFrom", progress.readFrom().orElse(null));
        root.put("totalSteps", progress.total(plan.steps().size()));
        root.put("warnings", asJson(plan.warnings()));
        root.put("before", state(plan.before(), plan.capacityBefore()));
        List<Map<String, Object>> steps = new java.util.ArrayList<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            steps.add(step(i + 1, progress.number(i), plan.steps().get(i), builds));
        }
        root.put("steps", steps);
        return write(root);
    }

    /** What {@code --output json} prints instead of a plan when the fleet repo or the policy is invalid. */
    static String problems(List<Problem> problems) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", PROBLEMS_SCHEMA);
        root.put("problems", asJson(problems));
        return write(root);
    }

    /** Problems and warnings alike: path, line (0 for the whole file), message, fix. */
    private static List<Map<String, Object>> asJson(List<Problem> problems) {
        return problems.stream().map(p -> {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("path", p.path());
            problem.put("line", p.line());
            problem.put("message", p.message());
            problem.put("fix", p.fix());
            return problem;
        }).toList();
    }

    private static String write(Map<String, Object> root) {
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> step(int number, int overallNumber, Step step, List<Build> builds) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("number", number);
        map.put("overallNumber", overallNumber);
        map.put("id", step.id());
        map.put("kind", step.kind().id());
        map.put("title", step.title());
        map.put("summary", step.summary());
        map.put("clusters", step.clusters());
        map.put("files", step.changes().stream().map(PlanJson::file).toList());
        map.put("diff", UnifiedDiff.of(step.changes()));
        map.put("after", state(step.after(), step.capacityAfter()));
        map.put("builds", builds.stream().filter(b -> b.step() == number).map(b -> {
            Map<String, Object> build = new LinkedHashMap<>();
            build.put("directory", b.directory());
            build.put("ok", b.result().ok());
            if (!b.result().ok()) {
                build.put("message", b.result().message());
            }
            return build;
        }).toList());
        return map;
    }

    /** Path before action, always: Map.of would order the two keys differently from one JVM to the next. */
    private static Map<String, Object> file(FileChange change) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("path", change.path());
        file.put("action", change.action());
        return file;
    }

    private static Map<String, Object> state(TrafficState state, CapacityVerdict verdict) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("clusters", state.clusters().stream().map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", c.cluster());
            row.put("weights", new java.util.TreeMap<>(c.weights()));
            row.put("loadRps", Math.round(c.loadRps() * 10) / 10.0);
            row.put("capacityRps", c.capacityRps());
            row.put("utilisation", Math.round(c.utilisation() * 1000) / 1000.0);
            return row;
        }).toList());
        Map<String, Object> capacity = new LinkedHashMap<>();
        capacity.put("rule", verdict.rule().name());
        capacity.put("holds", verdict.holds());
        capacity.put("worstCase", verdict.worstCase().map(w -> w.describe()).orElse(null));
        capacity.put("violations", verdict.violations());
        map.put("capacity", capacity);
        return map;
    }
}
