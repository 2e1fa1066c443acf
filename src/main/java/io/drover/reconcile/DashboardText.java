package io.drover.reconcile;

import io.drover.model.FleetFiles;
import io.drover.status.GateView;
import io.drover.status.RolloutView;
import io.drover.status.StepView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a rollout's dashboard issue, rendered from its {@link RolloutView} with the
 * template {@code issue/dashboard.md.qute} (a fleet repo may override it), ending with the marker
 * that finds the issue again after a restart.
 */
public final class DashboardText {

    static final String TEMPLATE = "issue/dashboard.md.qute";

    private DashboardText() {
    }

    /** {@code drover:dashboard rollout=NAME}: how Drover recognises the dashboard of a rollout among labelled issues. */
    public static String marker(String rollout) {
        return "drover:dashboard rollout=" + rollout;
    }

    public static String title(String rollout) {
        return "Drover rollout " + rollout;
    }

    /**
     * The body. The observation time is left out on purpose: a body that changed only in it would be
     * written on every pass, and the dashboard is written only when what it says changes.
     */
    public static String body(FleetFiles files, RolloutView view) {
        Map<String, Object> data = new HashMap<>();
        data.put("rollout", view.rollout());
        data.put("target", view.targetVersion());
        data.put("paused", view.pause().paused());
        data.put("pausedBy", view.pause().by().map(DashboardText::cell).orElse(""));
        data.put("pauseReason", cell(view.pause().reason()));
        data.put("next", cell(view.next()));
        data.put("nextAt", view.nextAt().map(Object::toString).orElse(""));
        data.put("steps", view.steps().stream().map(DashboardText::row).toList());
        data.put("gate", view.gate().isPresent());
        GateView gate = view.gate().orElse(new GateView("", "", "", List.of()));
        data.put("gateStep", gate.stepId());
        data.put("gateVerdict", gate.verdict());
        data.put("gateReason", cell(gate.reason()));
        data.put("apps", gate.apps().stream().map(a -> Map.of("application", cell(a.application()), "cluster", cell(a.cluster()),
                "sync", cell(a.sync()), "health", cell(a.health()), "verdict", a.verdict())).toList());
        return Texts.withMarker(Texts.render(files, TEMPLATE, data), marker(view.rollout()));
    }

    private static Map<String, Object> row(StepView step) {
        return Map.of("number", step.number(), "id", step.id(), "kind", step.kind().isEmpty() ? "-" : step.kind(),
                "state", step.state().label(),
                "pr", step.pr().map(pr -> "[#" + pr.number() + "](" + pr.url() + ")").orElse("-"));
    }

    /**
     * Text from outsiders (reasons, logins, Argo CD messages) as one Markdown table cell or line: no
     * line break, pipe or raw HTML can change the dashboard's structure.
     */
    private static String cell(String text) {
        String flat = text.replace('\n', ' ').replace('\r', ' ').replace("|", "\\|").replace("<", "&lt;");
        return flat.isBlank() ? "-" : flat;
    }
}
