package io.drover.forge;

/**
 * A status on a commit, where auditors and branch protection look: Drover's gate evidence on a
 * step's merge commit. GitHub keeps the description to 140 characters.
 */
public record CommitStatus(State state, String context, String description) {

    public static final int MAX_DESCRIPTION = 140;

    public enum State { PENDING, SUCCESS, FAILURE, ERROR }

    public CommitStatus {
        description = description.length() <= MAX_DESCRIPTION ? description : description.substring(0, MAX_DESCRIPTION - 1) + "…";
    }
}
