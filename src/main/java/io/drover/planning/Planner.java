package io.drover.planning;

import io.drover.fleet.FleetReadMemo;
import io.drover.fleet.FleetReader;
import io.drover.fleet.InvalidFleetException;
import io.drover.model.Cluster;
import io.drover.model.Fleet;
import io.drover.model.FileChange;
import io.drover.model.HostnameTraffic;
import io.drover.model.Problem;
import io.drover.model.Rollout;
import io.drover.planning.capacity.CapacityCheck;
import io.drover.planning.capacity.CapacityCheck.CapacityVerdict;
import io.drover.planning.capacity.TrafficState;
import io.drover.planning.strategies.RolloutStrategy;
import io.drover.planning.templates.TemplateSet;
import io.drover.policy.Policy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Plans a rollout: a pure function of (fleet, rollout, policy, templates). It asks the strategy
 * for the next step, applies the step's edits, reads the resulting state back like any other
 * fleet state, checks the capacity rule on it, and repeats until the strategy has nothing left.
 */
public final class Planner {

    private Planner() {
    }

    public static Plan plan(Fleet fleet, Rollout rollout, Policy policy, TemplateSet templates) throws PlanRefusedException {
        return plan(fleet, rollout, policy, templates, new FleetReadMemo());
    }

    /**
     * Plans with {@code memo} holding the read of {@code fleet} (or an empty memo): each step's state
     * is read like any other fleet state, strictly, but only the files the step changed are parsed.
     */
    public static Plan plan(Fleet fleet, Rollout rollout, Policy policy, TemplateSet templates, FleetReadMemo memo)
            throws PlanRefusedException {
        Plan.Collector plan = new Plan.Collector();
        plan(fleet, rollout, policy, templates, memo, plan);
        return plan.plan();
    }

    /**
     * The plan's start and at most its first {@code maxSteps} steps, exactly as {@link #plan} gives
     * them: planning is a pure function of the state a step starts from, so a caller that knows the
     * later steps (a plan made on the state before a merged step) need not plan them again.
     */
    public static Plan firstSteps(Fleet fleet, Rollout rollout, Policy policy, TemplateSet templates, FleetReadMemo memo,
            int maxSteps) throws PlanRefusedException {
        Plan.Collector plan = new Plan.Collector();
        plan(fleet, rollout, policy, templates, memo, plan, maxSteps);
        return plan.plan();
    }

    /**
     * Plans and hands {@code sink} the plan's start, then each step as soon as it is planned and
     * checked; keeps only the state the next step starts from. A refusal is thrown after the steps
     * before it were handed over.
     *
     * @return the number of steps
     */
    public static int plan(Fleet fleet, Rollout rollout, Policy policy, TemplateSet templates, FleetReadMemo memo,
            StepSink sink) throws PlanRefusedException {
        return plan(fleet, rollout, policy, templates, memo, sink, Integer.MAX_VALUE);
    }

    private static int plan(Fleet fleet, Rollout rollout, Policy policy, TemplateSet templates, FleetReadMemo memo,
            StepSink sink, int maxSteps) throws PlanRefusedException {
        PlanningContext context = new PlanningContext(fleet, rollout, policy, templates);
        RolloutStrategy strategy = RolloutStrategy.of(rollout.strategy());
        List<String> selected = context.selected().stream().map(Cluster::name).toList();
        List<String> atTarget = selected.stream()
                .filter(c -> !fleet.clusters().get(c).version().isBefore(rollout.targetVersion())).toList();

        Set<String> hostnames = hostnamesOf(fleet, selected);
        TrafficState before = TrafficState.of(fleet, hostnames, selected);
        // With no cluster selected there is no traffic to carry, and no rule to break.
        CapacityVerdict capacityBefore = selected.isEmpty()
                ? new CapacityVerdict(policy.capacity(), Optional.empty(), List.of())
                : CapacityCheck.check(before, policy.capacity());
        if (!capacityBefore.holds() && !selected.equals(atTarget)) {
            throw new PlanRefusedException("the fleet already breaks the capacity rule of policy " + policy.name()
                    + " (" + policy.capacity().name() + ", at most " + percent(policy.capacity().maxUtilisation())
                    + " utilisation) before any step", capacityBefore.violations());
        }

        sink.start(new PlanStart(rollout, policy, selected, atTarget, before, capacityBefore, warnings(fleet, selected, policy)));
        // Looked up for every cluster of every state: hashed, and the names' hashes are cached.
        Set<String> selectedSet = new HashSet<>(selected);
        int steps = 0;
        int limit = 20 * (fleet.clusters().size() + 1) + fleet.applicationSets().size();
        for (Optional<StepAction> next = strategy.next(context); next.isPresent(); next = strategy.next(context)) {
            StepAction action = next.get();
            if (steps >= limit) {
                throw new IllegalStateException("planning did not converge after " + limit + " steps; last: " + action.id());
            }
            String summary = action.summary(context);
            var changes = action.changes(context);
            if (changes.isEmpty()) {
                throw new IllegalStateException("step " + action.id() + " changes no file; planning would not progress");
            }
            Fleet after = readBack(context.fleet(), changes, memo, steps + 1, action);
            List<String> shown = touchedStillThere(after, selectedSet, new HashSet<>(action.clusters()));
            TrafficState traffic = TrafficState.of(after, hostnamesOf(after, shown), shown);
            CapacityVerdict verdict = CapacityCheck.check(traffic, policy.capacity());
            if (!verdict.holds()) {
                throw new PlanRefusedException("step " + (steps + 1) + " (" + action.title() + ") would break the "
                        + "capacity rule of policy " + policy.name() + " (" + policy.capacity().name() + ", at most "
                        + percent(policy.capacity().maxUtilisation()) + " utilisation)", verdict.violations());
            }
            sink.step(new Step(action.id(), action.kind(), action.clusters(), action.title(), summary, changes, traffic, verdict));
            steps++;
            context = context.withFleet(after);
            if (steps >= maxSteps) {
                break;
            }
        }
        return steps;
    }

    /** The fleet's reading warnings, then the policy's stage values that no selected cluster has. */
    private static List<Problem> warnings(Fleet fleet, List<String> selected, Policy policy) {
        List<Problem> warnings = new ArrayList<>(fleet.warnings());
        policy.stages().ifPresent(stages -> warnings.addAll(
                stages.unmatched(policy.source(), selected.stream().map(fleet.clusters()::get).toList())));
        return warnings;
    }

    /** The hostnames the rollout is concerned with: those any of the given clusters serves. */
    private static Set<String> hostnamesOf(Fleet fleet, List<String> clusters) {
        Set<String> hostnames = new TreeSet<>();
        for (HostnameTraffic t : fleet.traffic()) {
            if (clusters.stream().anyMatch(t::servedBy)) {
                hostnames.add(t.hostname());
            }
        }
        return hostnames;
    }

    /** The clusters of the state that the rollout selected at the start or the step moved, or that replace one of them. */
    private static List<String> touchedStillThere(Fleet fleet, Set<String> selected, Set<String> moved) {
        Predicate<String> touched = name -> selected.contains(name) || moved.contains(name);
        List<String> names = new ArrayList<>();
        fleet.clusters().values().forEach(c -> {
            if (touched.test(c.name()) || c.replaces().filter(touched).isPresent()) {
                names.add(c.name());
            }
        });
        return names;
    }

    /** The state the step's changes make of {@code before}, read as the step after it (see FleetReader). */
    private static Fleet readBack(Fleet before, List<FileChange> changes, FleetReadMemo memo, int number, StepAction action)
            throws PlanRefusedException {
        try {
            return FleetReader.read(before, before.files().apply(changes), changes.stream().map(FileChange::path).toList(), memo);
        } catch (InvalidFleetException e) {
            throw new PlanRefusedException("step " + number + " (" + action.title() + ") would leave the fleet repo invalid"
                    + " (check the new-cluster templates)", e.problems().stream().map(Problem::toString).toList());
        }
    }

    private static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }
}
