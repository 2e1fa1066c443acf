package io.drover.audit;

import io.drover.audit.AuditEvent.StepRef;
import io.drover.git.FleetWorkspace;
import io.drover.git.FleetWorkspace.MainlineCommit;
import io.drover.git.GitFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the audit trail of a branch from Git alone: its first-parent history oldest first, each
 * commit's step trailers (in its message, or in the commits a merge brought in) and Drover's note
 * on it. A step event in a note goes to its step on the same commit, or else to the last merge of
 * that step before it.
 */
public final class TrailReader {

    private final Map<String, Rollout> rollouts = new LinkedHashMap<>();
    private final List<NoteLine> unreadable = new ArrayList<>();
    private long sequence;

    private TrailReader() {
    }

    public static AuditTrail read(FleetWorkspace history, String branch, String tip) throws GitFailure {
        List<MainlineCommit> mainline = new ArrayList<>(history.mainline(tip, Integer.MAX_VALUE));
        Collections.reverse(mainline);
        Map<String, List<String>> notes = new LinkedHashMap<>(history.notes());
        TrailReader reader = new TrailReader();
        for (MainlineCommit commit : mainline) {
            reader.read(commit, Objects.requireNonNullElse(notes.remove(commit.id()), List.of()));
        }
        return new AuditTrail(branch, tip, mainline.size(), reader.rollouts.values().stream().map(Rollout::freeze).toList(),
                reader.unreadable, notes.size());
    }

    private void read(MainlineCommit commit, List<String> noteLines) {
        List<Step> here = new ArrayList<>();
        List<StepTrailers> own = StepTrailers.in(commit.message());
        boolean broughtByMerge = own.isEmpty();
        for (StepTrailers trailers : broughtByMerge ? inMerged(commit) : own) {
            Step step = new Step(++sequence, trailers.rollout(), trailers.step(), commit, true, broughtByMerge);
            here.add(step);
            rollout(trailers.rollout()).steps.add(step);
        }
        for (String line : noteLines) {
            Optional<AuditEvent> event = AuditEvent.parse(line);
            if (event.isEmpty()) {
                unreadable.add(new NoteLine(commit.id(), commit.time(), line));
                continue;
            }
            TrailEntry entry = new TrailEntry(++sequence, commit.id(), commit.time(), event.get(), line);
            place(entry, commit, here);
        }
    }

    /** The steps named in the messages of the commits a merge brought in, oldest first, each once. */
    private static Set<StepTrailers> inMerged(MainlineCommit commit) {
        List<String> messages = new ArrayList<>(commit.mergedMessages());
        Collections.reverse(messages);
        Set<StepTrailers> steps = new LinkedHashSet<>();
        messages.forEach(m -> steps.addAll(StepTrailers.in(m)));
        return steps;
    }

    private void place(TrailEntry entry, MainlineCommit commit, List<Step> here) {
        AuditEvent event = entry.event();
        Rollout rollout = rollout(event.rollout());
        if (event.isDecision()) {
            rollout.decisions.add(entry);
            return;
        }
        if (!event.isKnown() || event.step().isEmpty()) {
            rollout.other.add(entry);
            return;
        }
        Optional<Step> onThisCommit = here.stream().filter(s -> s.is(event)).findFirst();
        if (event.event().equals(AuditEvent.STEP_MERGED)) {
            if (onThisCommit.isPresent() && onThisCommit.get().merged.isEmpty()) {
                onThisCommit.get().merged = Optional.of(entry);
            } else {
                Step step = new Step(entry.sequence(), event.rollout(), event.step().get(), commit, false, false);
                step.merged = Optional.of(entry);
                here.add(step);
                rollout.steps.add(step);
            }
            return;
        }
        Optional<Step> step = onThisCommit.or(() -> lastMergeOf(rollout, event));
        if (step.isPresent()) {
            step.get().events.add(entry);
        } else {
            rollout.other.add(entry);
        }
    }

    private static Optional<Step> lastMergeOf(Rollout rollout, AuditEvent event) {
        for (int i = rollout.steps.size() - 1; i >= 0; i--) {
            if (rollout.steps.get(i).is(event)) {
                return Optional.of(rollout.steps.get(i));
            }
        }
        return Optional.empty();
    }

    private Rollout rollout(String name) {
        return rollouts.computeIfAbsent(name, Rollout::new);
    }

    private static final class Rollout {
        final String name;
        final List<Step> steps = new ArrayList<>();
        final List<TrailEntry> decisions = new ArrayList<>();
        final List<TrailEntry> other = new ArrayList<>();

        Rollout(String name) {
            this.name = name;
        }

        RolloutTrail freeze() {
            return new RolloutTrail(name, steps.stream().map(Step::freeze).toList(), decisions, other);
        }
    }

    private static final class Step {
        final long sequence;
        final String rollout;
        final StepRef ref;
        final MainlineCommit commit;
        final boolean trailers;
        final boolean broughtByMerge;
        final List<TrailEntry> events = new ArrayList<>();
        Optional<TrailEntry> merged = Optional.empty();

        Step(long sequence, String rollout, StepRef ref, MainlineCommit commit, boolean trailers, boolean broughtByMerge) {
            this.sequence = sequence;
            this.rollout = rollout;
            this.ref = ref;
            this.commit = commit;
            this.trailers = trailers;
            this.broughtByMerge = broughtByMerge;
        }

        boolean is(AuditEvent event) {
            return rollout.equals(event.rollout()) && ref.id().equals(event.step().orElseThrow().id());
        }

        StepTrail freeze() {
            return new StepTrail(sequence, rollout, ref, commit.id(), commit.time(), trailers, broughtByMerge, merged, events);
        }
    }
}
