package io.drover.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * One entry of Drover's audit trail, as a line of JSON in a Git note under refs/notes/drover (the
 * format is docs/audit.md). Written with a fixed key order so that the same event is the same line,
 * which keeps a redone append from adding it twice; read leniently: unknown keys are ignored, a
 * value of the wrong type counts as absent, and events of kinds Drover does not know are kept.
 */
public record AuditEvent(String event, String rollout, Optional<StepRef> step, Optional<PullRequestRef> pr,
        Optional<Merge> merge, Optional<Instant> at, Optional<Instant> soakUntil, List<String> apps, Optional<Actor> by,
        Optional<String> reason, Optional<String> comment, List<String> clusters) {

    public static final String STEP_MERGED = "step-merged";
    public static final String GATE_PASSED = "gate-passed";
    public static final String GATE_FAILED = "gate-failed";
    public static final String ROLLBACK_OPENED = "rollback-opened";
    public static final String PAUSED = "paused";
    public static final String RESUMED = "resumed";
    public static final String SKIPPED = "skipped";
    public static final String RETRIED = "retried";
    public static final String ABORTED = "aborted";

    /** What people decided with ChatOps commands; the other events are what happened to a step. */
    public static final Set<String> DECISIONS = Set.of(PAUSED, RESUMED, SKIPPED, RETRIED, ABORTED);
    private static final Set<String> STEP_EVENTS = Set.of(STEP_MERGED, GATE_PASSED, GATE_FAILED, ROLLBACK_OPENED);

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper READER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public AuditEvent {
        apps = List.copyOf(apps);
        clusters = List.copyOf(clusters);
    }

    /** A step: its id, and where known its kind and its place in the rollout. */
    public record StepRef(String id, Optional<String> kind, Optional<Position> position) {
        public static StepRef of(String id, String kind, int number, int total) {
            return new StepRef(id, Optional.of(kind), Optional.of(new Position(number, total)));
        }
    }

    /** Step {@code number} of {@code total}, as in the Drover-Step trailer. */
    public record Position(int number, int total) {
        @Override
        public String toString() {
            return number + "/" + total;
        }
    }

    public record PullRequestRef(int number, Optional<String> url) {
    }

    /** How a step's pull request was merged: who, when, the commit on the base branch, merge|squash|rebase. */
    public record Merge(Optional<String> by, Optional<Instant> at, Optional<String> commit, Optional<String> method) {
    }

    /** Who gave a command: the login then, and the numeric id that survives a rename. */
    public record Actor(String login, Optional<Long> id) {
    }

    /** {@code mergedBy} is empty when the forge's answer did not say (a list of pull requests does not). */
    public static AuditEvent stepMerged(String rollout, StepRef step, PullRequestRef pr, Optional<String> mergedBy, Instant mergedAt,
            String mergeCommit, Optional<String> method) {
        return new AuditEvent(STEP_MERGED, rollout, Optional.of(step), Optional.of(pr),
                Optional.of(new Merge(mergedBy, Optional.of(mergedAt), Optional.of(mergeCommit), method)),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    public static AuditEvent gatePassed(String rollout, StepRef step, Instant at, Instant soakUntil, List<String> apps) {
        return new AuditEvent(GATE_PASSED, rollout, Optional.of(step), Optional.empty(), Optional.empty(), Optional.of(at),
                Optional.of(soakUntil), apps, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    public static AuditEvent gateFailed(String rollout, StepRef step, Instant at, String reason, List<String> apps) {
        return new AuditEvent(GATE_FAILED, rollout, Optional.of(step), Optional.empty(), Optional.empty(), Optional.of(at),
                Optional.empty(), apps, Optional.empty(), Optional.of(reason), Optional.empty(), List.of());
    }

    public static AuditEvent rollbackOpened(String rollout, StepRef step, PullRequestRef pr, Instant at, String reason) {
        return new AuditEvent(ROLLBACK_OPENED, rollout, Optional.of(step), Optional.of(pr), Optional.empty(), Optional.of(at),
                Optional.empty(), List.of(), Optional.empty(), Optional.of(reason), Optional.empty(), List.of());
    }

    /**
     * A ChatOps decision: {@code event} is one of {@link #DECISIONS}, {@code step} the step it names
     * (skip), {@code commentUrl} the comment that gave it.
     */
    public static AuditEvent decision(String event, String rollout, Optional<String> step, Actor by, Instant at,
            Optional<String> reason, String commentUrl) {
        return decision(event, rollout, step, by, at, reason, commentUrl, List.of());
    }

    /** A decision that names clusters: those a skip left out of the rollout. */
    public static AuditEvent decision(String event, String rollout, Optional<String> step, Actor by, Instant at,
            Optional<String> reason, String commentUrl, List<String> clusters) {
        if (!DECISIONS.contains(event)) {
            throw new IllegalArgumentException(event + " is not a decision; decisions are " + DECISIONS);
        }
        return new AuditEvent(event, rollout, step.map(id -> new StepRef(id, Optional.empty(), Optional.empty())),
                Optional.empty(), Optional.empty(), Optional.of(at), Optional.empty(), List.of(), Optional.of(by), reason,
                Optional.of(commentUrl), clusters);
    }

    public boolean isDecision() {
        return DECISIONS.contains(event);
    }

    /** Whether this is an event of a kind this Drover knows; others are shown as written. */
    public boolean isKnown() {
        return isDecision() || STEP_EVENTS.contains(event);
    }

    /** When it happened, as far as the event says: {@code at}, or for a merge {@code mergedAt}. */
    public Optional<Instant> time() {
        return at.or(() -> merge.flatMap(Merge::at));
    }

    /** The event as one line of JSON, the form it takes in a note. */
    public String toJsonLine() {
        StringWriter line = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(line)) {
            json.writeStartObject();
            writeFields(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.toString();
    }

    /** Writes the fields into an object already started, in the documented order, leaving out those absent. */
    public void writeFields(JsonGenerator json) throws IOException {
        json.writeStringField("event", event);
        json.writeStringField("rollout", rollout);
        if (step.isPresent()) {
            json.writeStringField("step", step.get().id());
            writeString(json, "kind", step.get().kind());
            if (step.get().position().isPresent()) {
                json.writeNumberField("number", step.get().position().get().number());
                json.writeNumberField("total", step.get().position().get().total());
            }
        }
        if (pr.isPresent()) {
            json.writeNumberField("pr", pr.get().number());
            writeString(json, "prUrl", pr.get().url());
        }
        if (merge.isPresent()) {
            writeString(json, "mergedBy", merge.get().by());
            writeString(json, "mergedAt", merge.get().at().map(Instant::toString));
            writeString(json, "mergeCommit", merge.get().commit());
            writeString(json, "method", merge.get().method());
        }
        writeString(json, "at", at.map(Instant::toString));
        writeString(json, "soakUntil", soakUntil.map(Instant::toString));
        writeStrings(json, "apps", apps);
        if (by.isPresent()) {
            json.writeStringField("by", by.get().login());
            if (by.get().id().isPresent()) {
                json.writeNumberField("byId", by.get().id().get());
            }
        }
        writeString(json, "reason", reason);
        writeString(json, "comment", comment);
        writeStrings(json, "clusters", clusters);
    }

    private static void writeString(JsonGenerator json, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(field, value.get());
        }
    }

    /** An array of strings, left out when empty. */
    private static void writeStrings(JsonGenerator json, String field, List<String> values) throws IOException {
        if (!values.isEmpty()) {
            json.writeArrayFieldStart(field);
            for (String value : values) {
                json.writeString(value);
            }
            json.writeEndArray();
        }
    }

    /** Reads a note line; empty when it is not a JSON object with a text {@code event} and {@code rollout}. */
    public static Optional<AuditEvent> parse(String line) {
        JsonNode json;
        try {
            json = READER.readTree(line);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (json == null || !json.isObject() || !json.path("event").isTextual() || !json.path("rollout").isTextual()) {
            return Optional.empty();
        }
        Optional<StepRef> step = text(json, "step").map(id -> new StepRef(id, text(json, "kind"),
                integer(json, "number").flatMap(n -> integer(json, "total").map(t -> new Position(n, t)))));
        Optional<PullRequestRef> pr = integer(json, "pr").map(n -> new PullRequestRef(n, text(json, "prUrl")));
        Merge merge = new Merge(text(json, "mergedBy"), instant(json, "mergedAt"), text(json, "mergeCommit"), text(json, "method"));
        boolean merged = merge.by().isPresent() || merge.at().isPresent() || merge.commit().isPresent() || merge.method().isPresent();
        List<String> apps = texts(json, "apps");
        Optional<Actor> by = text(json, "by").map(login -> new Actor(login,
                json.path("byId").canConvertToLong() && json.path("byId").isIntegralNumber()
                        ? Optional.of(json.path("byId").asLong()) : Optional.empty()));
        return Optional.of(new AuditEvent(json.path("event").asText(), json.path("rollout").asText(), step, pr,
                merged ? Optional.of(merge) : Optional.empty(), instant(json, "at"), instant(json, "soakUntil"), apps, by,
                text(json, "reason"), text(json, "comment"), texts(json, "clusters")));
    }

    private static List<String> texts(JsonNode json, String field) {
        return json.path(field).isArray()
                ? StreamSupport.stream(json.path(field).spliterator(), false).filter(JsonNode::isTextual).map(JsonNode::asText).toList()
                : List.of();
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static Optional<Integer> integer(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isIntegralNumber() && value.canConvertToInt() ? Optional.of(value.asInt()) : Optional.empty();
    }

    private static Optional<Instant> instant(JsonNode json, String field) {
        try {
            return text(json, field).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
