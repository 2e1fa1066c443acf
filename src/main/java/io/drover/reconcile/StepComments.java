package io.drover.reconcile;

import io.drover.forge.Forge;
import io.drover.forge.ForgeException;
import io.drover.forge.PullRequest;
import io.drover.model.FleetFiles;
import io.drover.model.Rollout;
import io.drover.reconcile.Outcome.Action;
import java.util.HashMap;
import java.util.Map;

/**
 * What Drover says on pull requests, from the templates in {@code templates/comments}. Every
 * comment carries a marker and is posted only while no comment on the pull request has it, so a
 * pass that repeats a half-done action never says the same thing twice.
 */
final class StepComments {

    /** Marks the comment on a PR Drover closed because its step was no longer next. */
    static final String SUPERSEDED = "drover:superseded";
    /** Marks the comment on a PR Drover merged itself. */
    static final String AUTO_MERGED = "drover:auto-merged";

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

    /** Posts the comment unless one with {@code marker} is there; true when it posted now. */
    boolean ensure(int number, String kind, String marker, StepTexts texts, Map<String, Object> extra) throws ForgeException {
        if (forge.hasComment(number, marker)) {
            return false;
        }
        forge.comment(number, Texts.withMarker(render(kind, texts, extra), marker));
        return true;
    }

    /** Says something once per pull request and kind; afterwards reports the same state without writing. */
    Outcome once(PullRequest pr, String kind, StepTexts texts, Map<String, Object> extra, Action action, String detail)
            throws ForgeException {
        boolean posted = ensure(pr.number(), kind, "drover:" + kind + " rollout=" + rollout.name(), texts, extra);
        return Outcome.of(rollout.name(), action, detail + (posted ? " (commented on #" + pr.number() + ")" : ""));
    }

    /**
     * Closes a Drover pull request whose step is no longer next, saying which is. The comment comes
     * first: it is what tells a PR Drover closed from one a human closed to pause the rollout.
     */
    Outcome closeSuperseded(PullRequest pr, String next) throws ForgeException {
        ensure(pr.number(), "superseded", SUPERSEDED, null, Map.of("nextStep", next));
        forge.close(pr.number());
        return Outcome.of(rollout.name(), Action.CLOSED_SUPERSEDED, "#" + pr.number() + " (" + pr.head() + "); next is " + next);
    }

    /** The comment's text without its marker. */
    String render(String kind, StepTexts texts, Map<String, Object> extra) {
        Map<String, Object> data = new HashMap<>(texts == null ? Map.of() : texts.data());
        data.putAll(extra);
        data.put("rollout", rollout.name());
        data.put("branch", settings.baseBranch());
        return Texts.render(files, "comments/" + kind + ".md.qute", data);
    }
}
