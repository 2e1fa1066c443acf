package io.drover.planning.steps;

import io.drover.model.ApplicationSet;
import io.drover.model.Cluster;
import io.drover.model.ClusterSecret;
import io.drover.model.FileChange;
import io.drover.model.HostnameTraffic;
import io.drover.model.StepKind;
import io.drover.planning.PlanRefusedException;
import io.drover.planning.PlanningContext;
import io.drover.planning.StepAction;
import io.drover.planning.templates.TemplateSet.TemplateRenderException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Adds new clusters at the target version, each modelled on the cluster it replaces: its
 * definition and Argo CD Secret from the templates (without the labels ApplicationSets select
 * on), copies of the old cluster's app overlays, and weighted records at weight 0.
 */
public record AddCluster(Map<String, String> replacements) implements StepAction {

    /** @param replacements new cluster name to the name of the cluster it replaces */
    public AddCluster {
        replacements = Map.copyOf(new TreeMap<>(replacements));
    }

    @Override
    public StepKind kind() {
        return StepKind.ADD_CLUSTER;
    }

    @Override
    public List<String> clusters() {
        return replacements.keySet().stream().sorted().toList();
    }

    @Override
    public String id() {
        return "add-" + Names.forId(clusters());
    }

    @Override
    public String title() {
        List<String> each = clusters().stream().map(n -> n + " (replacing " + replacements.get(n) + ")").toList();
        return "Add cluster" + (each.size() == 1 ? " " : "s ") + Names.list(each);
    }

    @Override
    public String summary(PlanningContext context) {
        StringBuilder s = new StringBuilder();
        for (String name : clusters()) {
            Cluster old = context.cluster(replacements.get(name));
            s.append("Creates ").append(name).append(" at ").append(context.rollout().targetVersion()).append(" in ")
                    .append(old.region()).append(" (").append(old.capacityRps()).append(" rps, full weight ")
                    .append(old.trafficWeight()).append(") from ").append(context.templates().origin()).append(", copies ")
                    .append(RetireCluster.overlays(context, old.name()).size()).append(" app overlays of ").append(old.name())
                    .append(" and adds its weighted records at weight 0. ");
        }
        return s.append("No ApplicationSet selects the new Secret yet, and no traffic reaches it.").toString();
    }

    @Override
    public List<FileChange> changes(PlanningContext context) throws PlanRefusedException {
        FileEdits edits = new FileEdits(context.fleet().files());
        for (String name : clusters()) {
            Cluster old = context.cluster(replacements.get(name));
            refuseIfSelectedAtOnce(context, name, old);
            Map<String, Object> data = NewClusterData.of(name, old,
                    context.fleet().files().read(old.definitionPath()).orElseThrow(),
                    context.fleet().files().read(old.secret().path()).orElseThrow(),
                    context.rollout().targetVersion(), context.rollout().name(), context.fleet().selectionKeys());
            try {
                context.templates().render(name, data).forEach(edits::create);
            } catch (TemplateRenderException e) {
                throw new PlanRefusedException("cannot render the files of new cluster " + name, List.of(e.getMessage()));
            }
            for (String overlay : RetireCluster.overlays(context, old.name())) {
                String target = overlay.substring(0, overlay.lastIndexOf('/') + 1) + name;
                context.fleet().files().under(overlay).forEach((path, text) ->
                        edits.create(target + path.substring(overlay.length()), Names.replace(text, old.name(), name)));
            }
            for (HostnameTraffic hostname : context.fleet().trafficServedBy(old.name())) {
                TrafficEdits.addRecordLike(edits, hostname, old.name(), name);
            }
        }
        return edits.changes();
    }

    /**
     * A selector with NotIn or DoesNotExist, or none at all, can match a Secret that lacks the
     * selecting labels; the new cluster would get applications before it is ready for them.
     */
    private static void refuseIfSelectedAtOnce(PlanningContext context, String name, Cluster old) throws PlanRefusedException {
        SortedMap<String, String> labels = new TreeMap<>(old.secret().labels());
        labels.keySet().removeAll(context.fleet().selectionKeys());
        Cluster probe = new Cluster(name, "", context.rollout().targetVersion(), old.labels(), old.region(),
                old.capacityRps(), old.trafficWeight(), java.util.Optional.of(old.name()),
                new ClusterSecret("", old.secret().server(), labels));
        List<String> selecting = context.fleet().applicationSets().stream().filter(a -> a.selects(probe))
                .map(a -> a.name() + " (" + a.path() + ", selector " + a.clusterSelector().orElseThrow() + ")").toList();
        if (!selecting.isEmpty()) {
            throw new PlanRefusedException("new cluster " + name + " would receive applications before it is enrolled",
                    List.of("its Secret, without the selection labels, is still matched by " + String.join("; ", selecting),
                            "give those ApplicationSets a selector that a new cluster's Secret does not match "
                                    + "(matchLabels or In on a label the Secret lacks until enrolled)"));
        }
    }
}
