package io.drover.planning.steps;

import io.drover.model.FileChange;
import io.drover.model.HostnameTraffic;
import io.drover.model.StepKind;
import io.drover.planning.PlanningContext;
import io.drover.planning.StepAction;
import java.util.List;

/** Sets the clusters' weights to 0 on every hostname, so the other clusters take their traffic. */
public record DrainCluster(List<String> clusters) implements StepAction {

    public DrainCluster {
        clusters = clusters.stream().sorted().toList();
    }

    @Override
    public StepKind kind() {
        return StepKind.DRAIN_CLUSTER;
    }

    @Override
    public String id() {
        return "drain-" + Names.forId(clusters);
    }

    @Override
    public String title() {
        return "Drain " + Names.list(clusters);
    }

    @Override
    public String summary(PlanningContext context) {
        StringBuilder s = new StringBuilder();
        for (String name : clusters) {
            List<String> hosts = context.fleet().trafficServedBy(name).stream()
                    .map(h -> h.hostname() + " " + h.weightOf(name) + " → 0").toList();
            s.append("Sets the weight of ").append(name).append(" to 0 (").append(String.join(", ", hosts)).append("). ");
        }
        return s.append("The record stays, so putting the weight back undoes this step.").toString();
    }

    @Override
    public List<FileChange> changes(PlanningContext context) {
        FileEdits edits = new FileEdits(context.fleet().files());
        for (String name : clusters) {
            for (HostnameTraffic hostname : context.fleet().trafficServedBy(name)) {
                if (hostname.weightOf(name) != 0) {
                    TrafficEdits.setWeight(edits, hostname, name, 0);
                }
            }
        }
        return edits.changes();
    }
}
