package io.drover.planning.steps;

import io.drover.model.Cluster;
import io.drover.model.FileChange;
import io.drover.model.HostnameTraffic;
import io.drover.model.StepKind;
import io.drover.planning.PlanningContext;
import io.drover.planning.StepAction;
import java.util.List;

/** Raises clusters to a percentage of their full traffic share on every hostname they serve. */
public record ShiftTraffic(List<String> clusters, int percent) implements StepAction {

    public ShiftTraffic {
        clusters = clusters.stream().sorted().toList();
    }

    @Override
    public StepKind kind() {
        return StepKind.SHIFT_TRAFFIC;
    }

    @Override
    public String id() {
        return "shift-" + Names.forId(clusters) + "-" + percent;
    }

    @Override
    public String title() {
        return "Shift traffic: " + Names.list(clusters) + " to " + percent + "% of full share";
    }

    @Override
    public String summary(PlanningContext context) {
        StringBuilder s = new StringBuilder();
        for (String name : clusters) {
            Cluster cluster = context.cluster(name);
            int weight = PlanningContext.rampWeight(cluster, percent);
            List<String> hosts = context.fleet().trafficServedBy(name).stream().map(HostnameTraffic::hostname).toList();
            s.append("Sets the weight of ").append(name).append(" on ").append(Names.list(hosts)).append(" to ")
                    .append(weight).append(" (").append(percent).append("% of ").append(cluster.trafficWeight())
                    .append("). ");
        }
        return s.append(percent == 100 ? "The clusters then take their full share." : "Other clusters keep their weights.")
                .toString();
    }

    @Override
    public List<FileChange> changes(PlanningContext context) {
        FileEdits edits = new FileEdits(context.fleet().files());
        for (String name : clusters) {
            int weight = PlanningContext.rampWeight(context.cluster(name), percent);
            for (HostnameTraffic hostname : context.fleet().trafficServedBy(name)) {
                if (hostname.weightOf(name) != weight) {
                    TrafficEdits.setWeight(edits, hostname, name, weight);
                }
            }
        }
        return edits.changes();
    }
}
