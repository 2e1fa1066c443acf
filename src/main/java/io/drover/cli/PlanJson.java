package io.drover.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.drover.diff.UnifiedDiff;
import io.drover.kustomize.OverlayBuilds.Build;
import io.drover.model.FileChange;
import io.drover.model.Problem;
import io.drover.planning.PlanStart;
import io.drover.planning.Step;
import io.drover.planning.capacity.CapacityCheck.CapacityVerdict;
import io.drover.planning.capacity.ClusterLoad;
import io.drover.planning.capacity.TrafficState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The plan, or the problems that stopped it, as JSON in the schemas of docs/plan-json.md, written
 * as it goes with a streaming generator: a plan of thousands of steps is never held as one string,
 * nor in full. Each step's object is written to the spool as the step is planned, by a generator
 * placed where the steps array of the document is, so that the copy reads as one document;
 * "totalSteps", above the array, is known at the end.
 */
final class PlanJson extends PlanOutput {

    static final String SCHEMA = "drover.io/plan/v2";
    static final String PROBLEMS_SCHEMA = "drover.io/plan-problems/v1";
    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator steps;
    /** Where the first step starts in the spool: after the opening of the document and of its steps array. */
    private final long first;

    PlanJson(Supplier<RolloutProgress> progress, StepBuilds builds) throws IOException {
        super(progress, builds);
        steps = generator(spool.writer());
        steps.writeStartObject();
        steps.writeArrayFieldStart("steps");
        steps.flush();
        first = spool.position();
    }

    @Override
    void section(int index, Step step, TrafficState before, ListedRows.Changes changes, List<Build> builds) {
        try {
            step(steps, index + 1, progress().number(index), step, changes, builds);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write step " + (index + 1) + " of the plan", e);
        }
    }

    @Override
    void finish(PrintWriter out) throws IOException {
        PlanStart plan = planStart();
        RolloutProgress progress = progress();
        steps.flush();
        long end = spool.position();
        try (JsonGenerator json = generator(out)) {
            json.writeStartObject();
            json.writeStringField("schema", SCHEMA);
            json.writeStringField("rollout", plan.rollout().name());
            json.writeStringField("strategy", plan.rollout().strategy().id());
            json.writeStringField("targetVersion", plan.rollout().targetVersion().toString());
            json.writeObjectFieldStart("policy");
            json.writeStringField("name", plan.policy().name());
            json.writeStringField("source", plan.policy().source());
            json.writeStringField("capacityRule", plan.policy().capacity().name());
            json.writeNumberField("maxUtilisation", plan.policy().capacity().maxUtilisation());
            writeInts(json, "trafficRamp", plan.policy().trafficRamp());
            json.writeEndObject();
            writeStrings(json, "selectedClusters", plan.selected());
            writeStrings(json, "clustersAtTarget", plan.atTarget());
            json.writeNumberField("mergedSteps", progress.merged());
            json.writeStringField("mergedStepsReadFrom", progress.readFrom().orElse(null));
            json.writeNumberField("totalSteps", progress.total(rows().size()));
            problems(json, "warnings", plan.warnings());
            json.writeObjectFieldStart("before");
            rows(json, "clusters", plan.before().clusters());
            busiest(json, plan.before());
            capacity(json, plan.capacityBefore());
            json.writeEndObject();
            json.writeArrayFieldStart("steps");
            // The steps, as the generator above would have written them: it closes the array alike
            // whether or not it saw values in it.
            json.flush();
            spool.skipTo(first);
            spool.copyTo(end, out);
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write(System.lineSeparator());
    }

    /** What {@code --output json} prints instead of a plan when the fleet repo or the policy is invalid. */
    static void writeProblems(List<Problem> problems, Writer out) throws IOException {
        try (JsonGenerator json = generator(out)) {
            json.writeStartObject();
            json.writeStringField("schema", PROBLEMS_SCHEMA);
            problems(json, "problems", problems);
            json.writeEndObject();
        }
        out.write(System.lineSeparator());
    }

    private static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator json = FACTORY.createGenerator(out).useDefaultPrettyPrinter();
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return json;
    }

    /** Problems and warnings alike: path, line (0 for the whole file), message, fix. */
    private static void problems(JsonGenerator json, String field, List<Problem> problems) throws IOException {
        json.writeArrayFieldStart(field);
        for (Problem p : problems) {
            json.writeStartObject();
            json.writeStringField("path", p.path());
            json.writeNumberField("line", p.line());
            json.writeStringField("message", p.message());
            json.writeStringField("fix", p.fix());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void step(JsonGenerator json, int number, int overallNumber, Step step, ListedRows.Changes changes,
            List<Build> builds) throws IOException {
        json.writeStartObject();
        json.writeNumberField("number", number);
        json.writeNumberField("overallNumber", overallNumber);
        json.writeStringField("id", step.id());
        json.writeStringField("kind", step.kind().id());
        json.writeStringField("title", step.title());
        json.writeStringField("summary", step.summary());
        writeStrings(json, "clusters", step.clusters());
        json.writeArrayFieldStart("files");
        for (FileChange change : step.changes()) {
            // Path before action, always, as documented.
            json.writeStartObject();
            json.writeStringField("path", change.path());
            json.writeStringField("action", change.action());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("diff", UnifiedDiff.of(step.changes()));
        json.writeObjectFieldStart("after");
        rows(json, "movedClusters", changes.moved());
        writeStrings(json, "goneClusters", changes.gone());
        busiest(json, step.after());
        capacity(json, step.capacityAfter());
        json.writeEndObject();
        json.writeArrayFieldStart("builds");
        for (Build b : builds) {
            if (b.step() != number) {
                continue;
            }
            json.writeStartObject();
            json.writeStringField("directory", b.directory());
            json.writeBooleanField("ok", b.result().ok());
            if (!b.result().ok()) {
                json.writeStringField("message", b.result().message());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void rows(JsonGenerator json, String field, List<ClusterLoad> rows) throws IOException {
        json.writeArrayFieldStart(field);
        for (ClusterLoad c : rows) {
            json.writeStartObject();
            json.writeStringField("name", c.cluster());
            json.writeObjectFieldStart("weights");
            for (Map.Entry<String, Integer> weight : new TreeMap<>(c.weights()).entrySet()) {
                json.writeNumberField(weight.getKey(), weight.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("loadRps", Math.round(c.loadRps() * 10) / 10.0);
            json.writeNumberField("capacityRps", c.capacityRps());
            json.writeNumberField("utilisation", Math.round(c.utilisation() * 1000) / 1000.0);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** The most utilised cluster of the whole state, which the listed rows alone no longer show after a step. */
    private static void busiest(JsonGenerator json, TrafficState state) throws IOException {
        json.writeFieldName("busiest");
        var busiest = CapacityTable.busiest(state);
        if (busiest.isEmpty()) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("name", busiest.get().cluster());
        json.writeNumberField("utilisation", Math.round(busiest.get().utilisation() * 1000) / 1000.0);
        json.writeEndObject();
    }

    private static void capacity(JsonGenerator json, CapacityVerdict verdict) throws IOException {
        json.writeObjectFieldStart("capacity");
        json.writeStringField("rule", verdict.rule().name());
        json.writeBooleanField("holds", verdict.holds());
        json.writeStringField("worstCase", verdict.worstCase().map(w -> w.describe()).orElse(null));
        writeStrings(json, "violations", verdict.violations());
        json.writeEndObject();
    }

    private static void writeStrings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static void writeInts(JsonGenerator json, String field, List<Integer> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (int value : values) {
            json.writeNumber(value);
        }
        json.writeEndArray();
    }
}
