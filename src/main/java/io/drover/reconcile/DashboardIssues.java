package io.drover.reconcile;

import io.drover.forge.Issue;
import java.util.List;
import java.util.Optional;

/**
 * Finds a rollout's dashboard issue among the open issues labelled {@code drover/dashboard}: the
 * oldest one whose body holds the rollout's marker and, when the forge knows Drover's login, that
 * Drover opened. Finding by marker rather than by a remembered number is what lets a restarted
 * Drover, or a pass after a crash, carry on with the same issue instead of opening a second one.
 */
public final class DashboardIssues {

    private DashboardIssues() {
    }

    /** The label every dashboard issue carries besides Drover's own. */
    public static String label(String droverLabel) {
        return droverLabel + "/dashboard";
    }

    public static Optional<Issue> find(List<Issue> labelled, String rollout, Optional<String> droverLogin) {
        // The whole comment, so that "rollout=shop" does not match the dashboard of "shop-eu".
        String marker = Texts.withMarker("", DashboardText.marker(rollout)).strip();
        return labelled.stream()
                .filter(i -> droverLogin.map(login -> login.equalsIgnoreCase(i.author())).orElse(true))
                .filter(i -> i.body().contains(marker))
                .findFirst();
    }

    /** Create the issue, rewrite its body, or nothing when it already says {@code body}. */
    static Optional<Decision.WriteDashboard> decide(String rollout, Optional<Issue> existing, String body) {
        if (existing.isPresent() && existing.get().body().equals(body)) {
            return Optional.empty();
        }
        return Optional.of(new Decision.WriteDashboard(rollout, existing.map(Issue::number), body));
    }
}
