package io.drover.testing.github;

import java.time.Instant;
import java.util.List;

/**
 * A pull request as the stub holds it, for assertions. {@code state} is GitHub's word, "open" or
 * "closed"; a merged pull request is closed with {@code merged} set.
 */
public record PullRequestRecord(
        int number,
        String head,
        String headSha,
        String base,
        String state,
        String title,
        String body,
        List<String> labels,
        List<String> comments,
        boolean merged,
        String mergeCommitSha,
        Instant mergedAt) {

    public PullRequestRecord {
        labels = List.copyOf(labels);
        comments = List.copyOf(comments);
    }

    public boolean isOpen() {
        return state.equals("open");
    }
}
