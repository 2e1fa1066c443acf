package io.drover.testing.github;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One issue's mutable state (not a pull request's); guarded by the {@link FakeRepository} that owns it. */
final class IssueState {

    final int number;
    final Instant createdAt;
    /** Who opened it: the token's user through the API, anyone on github.com. */
    final Commenter author;
    final List<String> labels = new ArrayList<>();
    final List<PullRequestState.Comment> comments = new ArrayList<>();

    String title;
    String body;
    boolean open = true;
    Instant updatedAt;
    Instant closedAt;

    IssueState(int number, String title, String body, List<String> labels, Instant now, Commenter author) {
        this.number = number;
        this.author = author;
        this.title = title;
        this.body = body;
        this.labels.addAll(labels);
        this.createdAt = now;
        this.updatedAt = now;
    }

    IssueRecord snapshot() {
        return new IssueRecord(number, title, body == null ? "" : body, open, List.copyOf(labels),
                comments.stream().map(PullRequestState.Comment::body).toList());
    }
}
