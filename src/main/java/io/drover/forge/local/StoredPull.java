package io.drover.forge.local;

import io.drover.forge.PullRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A pull request as the local forge keeps it in {@code pulls/N.json}: what was asked, its state,
 * who merged it into which commit, and its conversation.
 */
record StoredPull(int number, String head, String base, String title, String body, List<String> labels, String author,
        Instant createdAt, PullRequest.State state, String mergeSha, Instant mergedAt, String mergedBy,
        List<StoredComment> comments) {

    StoredPull {
        labels = List.copyOf(labels);
        comments = List.copyOf(comments);
    }

    StoredPull withTexts(String newTitle, String newBody) {
        return new StoredPull(number, head, base, newTitle, newBody, labels, author, createdAt, state, mergeSha, mergedAt,
                mergedBy, comments);
    }

    StoredPull withLabels(List<String> newLabels) {
        return new StoredPull(number, head, base, title, body, newLabels, author, createdAt, state, mergeSha, mergedAt,
                mergedBy, comments);
    }

    StoredPull merged(String sha, Instant at, String by) {
        return new StoredPull(number, head, base, title, body, labels, author, createdAt, PullRequest.State.MERGED, sha, at, by,
                comments);
    }

    StoredPull closed() {
        return new StoredPull(number, head, base, title, body, labels, author, createdAt, PullRequest.State.CLOSED, null, null,
                null, comments);
    }

    StoredPull withComment(StoredComment comment) {
        List<StoredComment> all = new ArrayList<>(comments);
        all.add(comment);
        return withComments(all);
    }

    StoredPull withComments(List<StoredComment> all) {
        return new StoredPull(number, head, base, title, body, labels, author, createdAt, state, mergeSha, mergedAt, mergedBy,
                all);
    }

    StoredPull mapComments(UnaryOperator<StoredComment> change) {
        return withComments(comments.stream().map(change).toList());
    }
}
