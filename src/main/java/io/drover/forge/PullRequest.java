package io.drover.forge;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A pull request as Drover needs to see it, whatever forge it lives on. {@code author} is the login
 * that opened it: on Drover's own pull requests, comments by that login are Drover's.
 */
public record PullRequest(
        int number,
        String url,
        String head,
        String headSha,
        State state,
        Optional<String> mergeCommitSha,
        Optional<Instant> mergedAt,
        String title,
        String body,
        List<String> labels,
        String author) {

    public enum State { OPEN, CLOSED, MERGED }

    public PullRequest {
        body = body == null ? "" : body;
        labels = List.copyOf(labels);
    }

    public boolean isOpen() {
        return state == State.OPEN;
    }
}
