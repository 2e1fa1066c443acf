package io.drover.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.drover.audit.AuditTrail;
import io.drover.audit.NoteLine;
import io.drover.audit.RolloutTrail;
import io.drover.audit.StepTrail;
import io.drover.audit.TrailEntry;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code drover audit --output json}: one object, schema {@value #SCHEMA} (docs/audit.md), written
 * as it goes with a streaming generator. Events appear with the fields of their note line.
 */
final class AuditJson {

    static final String SCHEMA = "drover.io/audit/v1";
    private static final JsonFactory FACTORY = new JsonFactory();

    private AuditJson() {
    }

    static void write(AuditTrail trail, Optional<Instant> since, Writer out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeStringField("schema", SCHEMA);
            json.writeStringField("branch", trail.branch());
            json.writeStringField("head", trail.head());
            json.writeNumberField("commitsRead", trail.commitsRead());
            json.writeFieldName("since");
            if (since.isPresent()) {
                json.writeString(since.get().toString());
            } else {
                json.writeNull();
            }
            json.writeArrayFieldStart("rollouts");
            for (RolloutTrail rollout : trail.rollouts()) {
                rollout(rollout, json);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("unreadableNotes");
            for (NoteLine line : trail.unreadable()) {
                noteLine(line.commit(), line.line(), json);
            }
            json.writeEndArray();
            json.writeNumberField("notesOutsideHistory", trail.notesOutsideHistory());
            json.writeEndObject();
        }
        out.write(System.lineSeparator());
    }

    private static void rollout(RolloutTrail rollout, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", rollout.name());
        json.writeArrayFieldStart("steps");
        for (StepTrail step : rollout.steps()) {
            step(step, json);
        }
        json.writeEndArray();
        entries("decisions", rollout.decisions(), json);
        json.writeArrayFieldStart("otherNotes");
        for (TrailEntry other : rollout.other()) {
            noteLine(other.commit(), other.line(), json);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void step(StepTrail step, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("step", step.step().id());
        writeOptional(json, "kind", step.step().kind());
        if (step.step().position().isPresent()) {
            json.writeNumberField("number", step.step().position().get().number());
            json.writeNumberField("total", step.step().position().get().total());
        }
        json.writeStringField("mergeCommit", step.commit());
        json.writeStringField("committedAt", step.committedAt().toString());
        json.writeStringField("linkedBy", step.linkedBy());
        if (step.pr().isPresent()) {
            json.writeNumberField("pr", step.pr().get().number());
            writeOptional(json, "prUrl", step.pr().get().url());
        }
        writeOptional(json, "mergedBy", step.mergedBy());
        json.writeStringField("mergedAt", step.mergedAt().toString());
        writeOptional(json, "method", step.method());
        entries("events", step.events(), json);
        json.writeEndObject();
    }

    private static void entries(String field, List<TrailEntry> entries, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart(field);
        for (TrailEntry entry : entries) {
            json.writeStartObject();
            entry.event().writeFields(json);
            json.writeStringField("noteOn", entry.commit());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** A note line as written, with the commit it is on. */
    private static void noteLine(String commit, String line, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("commit", commit);
        json.writeStringField("line", line);
        json.writeEndObject();
    }

    private static void writeOptional(JsonGenerator json, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(field, value.get());
        }
    }
}
