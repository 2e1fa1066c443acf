package io.drover.reconcile;

import io.drover.forge.Forge;
import io.drover.forge.ForgeException;
import io.drover.forge.PullRequest;
import io.drover.model.FleetFiles;
import io.drover.model.Rollout;
import io.drover.reconcile.Outcome.Action;
import java.util.HashMap;
import java.util.Map;

/** What Drover says on pull requests, from the templates in {@code templates/comments}. */
final class StepComments {

    /** Marks the comment on a PR Drover closed because its step was no longer next. */
    static final String SUPERSEDED = "drover:superseded";

    private final Forge forge;
    private final FleetFiles files;
    private final ReconcileSettings settings;
    private final Rollout rollout;

    StepComments(Forge forge, FleetFiles files, ReconcileSettings settings, Rollout rollout) {
        this.forge = forge;
        this.files = files;
        this.settings = settings;
        this.rollout = rollout;
    }

    void post(int number, String kind, StepTexts texts, Map<String, Object> extra) throws ForgeException {
        forge.comment(number, Texts.render(files, "comments/" + kind + ".md.qute", data(texts, extra)));
    }

    /** Comments once per pull request and kind; afterwards reports the same state without writing. */
    Outcome once(PullRequest pr, String kind, StepTexts texts, Map<String, Object> extra, Action action, String detail)
            throws ForgeException {
        String marker = "drover:" + kind + " rollout=" + rollout.name();
        if (forge.hasComment(pr.number(), marker)) {
            return Outcome.of(rollout.name(), action, detail);
        }
        Map<String, Object> withMarker = new HashMap<>(extra);
        withMarker.put("marker", marker);
        post(pr.number(), kind, texts, withMarker);
        return Outcome.of(rollout.name(), action, detail + " (commented on #" + pr.number() + ")");
    }

    /** Closes a Drover pull request whose step is no longer next, saying which is. */
    Outcome closeSuperseded(PullRequest pr, String next) throws ForgeException {
        post(pr.number(), "superseded", null, Map.of("nextStep", next, "marker", SUPERSEDED));
        forge.close(pr.number());
        return Outcome.of(rollout.name(), Action.CLOSED_SUPERSEDED, "#" + pr.number() + " (" + pr.head() + "); next is " + next);
    }

    private Map<String, Object> data(StepTexts texts, Map<String, Object> extra) {
        Map<String, Object> data = new HashMap<>(texts == null ? Map.of() : texts.data());
        data.putAll(extra);
        data.put("rollout", rollout.name());
        data.put("branch", settings.baseBranch());
        return data;
    }
}
