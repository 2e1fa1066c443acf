package io.drover.reconcile;

import io.drover.forge.PullRequest;

/** What an accepted ChatOps command does besides its reply and its record, carried out by {@link Act}. */
sealed interface CommandEffect {

    /** Puts the paused label on the pull request, or takes it off. */
    record PausedLabel(int number, boolean on) implements CommandEffect {
    }

    /** Rebuilds the open step pull request's branch on the base branch (a retry of its checks). */
    record RebuildBranch(Decision.Rebuild rebuild) implements CommandEffect {
    }

    /** Says why on a pull request, then closes it (an aborted rollout's open step). */
    record CloseAborted(PullRequest pr, String why) implements CommandEffect {
    }
}
