package io.drover.testing.github;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One pull request's mutable state; guarded by the {@link FakeRepository} that owns it. */
final class PullRequestState {

    /** An issue comment on a pull request or issue; edited when {@code updatedAt} is after {@code createdAt}. */
    record Comment(long id, String body, Instant createdAt, Instant updatedAt, Commenter author) {
    }

    final int number;
    final String head;
    final Instant createdAt;
    final boolean draft;
    final List<String> labels = new ArrayList<>();
    final List<Comment> comments = new ArrayList<>();

    String title;
    String body;
    String base;
    String headSha;
    String baseSha;
    boolean open = true;
    boolean merged;
    Instant updatedAt;
    Instant closedAt;
    Instant mergedAt;
    /** Who merged it: the token's user through the API, a reviewer on github.com. */
    Commenter mergedBy;
    String mergeCommitSha;
    /** Null while GitHub is still computing it ("unknown"), as right after a push or a merge. */
    Boolean mergeable = Boolean.TRUE;
    String mergeableState = "clean";

    PullRequestState(int number, String head, String base, String title, String body, boolean draft, Instant now) {
        this.number = number;
        this.head = head;
        this.base = base;
        this.title = title;
        this.body = body;
        this.draft = draft;
        this.createdAt = now;
        this.updatedAt = now;
    }

    String state() {
        return open ? "open" : "closed";
    }

    PullRequestRecord snapshot() {
        return new PullRequestRecord(number, head, headSha, base, state(), title, body, labels,
                comments.stream().map(Comment::body).toList(), merged, mergeCommitSha, mergedAt);
    }
}
