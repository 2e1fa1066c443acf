package io.drover.cli;

import io.drover.audit.AuditEvent;
import io.drover.audit.AuditEvent.StepRef;
import io.drover.audit.AuditTrail;
import io.drover.audit.NoteLine;
import io.drover.audit.RolloutTrail;
import io.drover.audit.StepTrail;
import io.drover.audit.TrailEntry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code drover audit --output csv}: one row per event, each rollout's in the order they happened.
 * A merged step is a step-merged row even when no note records it (source trailers); events this
 * Drover does not know and note lines that are no event keep their line in {@code raw}.
 */
final class AuditCsv {

    static final List<String> HEADER = List.of("rollout", "event", "step", "kind", "number", "total", "pr", "prUrl", "by", "byId",
            "at", "method", "mergeCommit", "soakUntil", "apps", "reason", "comment", "noteOn", "source", "raw");

    private AuditCsv() {
    }

    private record Row(long sequence, Map<String, String> cells) {
        List<String> inOrder() {
            return HEADER.stream().map(column -> cells.getOrDefault(column, "")).toList();
        }
    }

    static void write(AuditTrail trail, PrintWriter out) {
        out.print(CsvCells.row(HEADER));
        for (RolloutTrail rollout : trail.rollouts()) {
            List<Row> rows = new ArrayList<>();
            for (StepTrail step : rollout.steps()) {
                rows.add(new Row(step.sequence(), merged(rollout.name(), step)));
                step.events().forEach(e -> rows.add(new Row(e.sequence(), entry(e, Optional.of(step.step())))));
            }
            rollout.decisions().forEach(d -> rows.add(new Row(d.sequence(), entry(d, Optional.empty()))));
            for (TrailEntry other : rollout.other()) {
                Map<String, String> cells = entry(other, Optional.empty());
                cells.put("raw", other.line());
                rows.add(new Row(other.sequence(), cells));
            }
            rows.stream().sorted(Comparator.comparingLong(Row::sequence)).forEach(r -> out.print(CsvCells.row(r.inOrder())));
        }
        for (NoteLine line : trail.unreadable()) {
            Map<String, String> cells = Map.of("at", line.committedAt().toString(), "noteOn", line.commit(), "source", "note",
                    "raw", line.line());
            out.print(CsvCells.row(new Row(0, cells).inOrder()));
        }
    }

    private static Map<String, String> merged(String rollout, StepTrail step) {
        Map<String, String> cells = new HashMap<>();
        cells.put("rollout", rollout);
        cells.put("event", AuditEvent.STEP_MERGED);
        putStep(cells, step.step());
        step.pr().ifPresent(pr -> {
            cells.put("pr", String.valueOf(pr.number()));
            pr.url().ifPresent(url -> cells.put("prUrl", url));
        });
        step.mergedBy().ifPresent(by -> cells.put("by", by));
        cells.put("at", step.mergedAt().toString());
        step.method().ifPresent(method -> cells.put("method", method));
        cells.put("mergeCommit", step.commit());
        step.merged().ifPresent(note -> cells.put("noteOn", note.commit()));
        cells.put("source", step.linkedBy());
        return cells;
    }

    /** A row for an event from a note; a step event lacking kind or position takes them from the step it is about. */
    private static Map<String, String> entry(TrailEntry entry, Optional<StepRef> about) {
        AuditEvent event = entry.event();
        Map<String, String> cells = new HashMap<>();
        cells.put("rollout", event.rollout());
        cells.put("event", event.event());
        event.step().map(s -> about.filter(a -> a.id().equals(s.id()))
                .map(a -> new StepRef(s.id(), s.kind().or(a::kind), s.position().or(a::position))).orElse(s))
                .ifPresent(step -> putStep(cells, step));
        event.pr().ifPresent(pr -> {
            cells.put("pr", String.valueOf(pr.number()));
            pr.url().ifPresent(url -> cells.put("prUrl", url));
        });
        event.by().ifPresent(actor -> {
            cells.put("by", actor.login());
            actor.id().ifPresent(id -> cells.put("byId", String.valueOf(id)));
        });
        event.merge().ifPresent(merge -> {
            merge.by().ifPresent(by -> cells.put("by", by));
            merge.method().ifPresent(method -> cells.put("method", method));
            merge.commit().ifPresent(commit -> cells.put("mergeCommit", commit));
        });
        cells.put("at", entry.time().toString());
        event.soakUntil().ifPresent(soak -> cells.put("soakUntil", soak.toString()));
        cells.put("apps", String.join(" ", event.apps()));
        event.reason().ifPresent(reason -> cells.put("reason", reason));
        event.comment().ifPresent(comment -> cells.put("comment", comment));
        cells.put("noteOn", entry.commit());
        cells.put("source", "note");
        return cells;
    }

    private static void putStep(Map<String, String> cells, StepRef step) {
        cells.put("step", step.id());
        step.kind().ifPresent(kind -> cells.put("kind", kind));
        step.position().ifPresent(p -> {
            cells.put("number", String.valueOf(p.number()));
            cells.put("total", String.valueOf(p.total()));
        });
    }
}
