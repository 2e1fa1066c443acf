package io.drover.forge;

import java.time.Instant;

/**
 * A comment on a pull request or issue, as Drover reads it back. {@code authorId} is the
 * author's numeric id, which survives a renamed login; {@code bot} is set for bot accounts and
 * for comments an app made on a user's behalf. A comment edited after it was made has
 * {@code updatedAt} after {@code createdAt}.
 */
public record Comment(long id, String author, String body, long authorId, boolean bot, Instant createdAt, Instant updatedAt,
        String url) {

    public Comment {
        body = body == null ? "" : body;
        author = author == null ? "" : author;
    }

    /** A comment of which only id, author and body are known; for forges and tests that keep no more. */
    public Comment(long id, String author, String body) {
        this(id, author, body, 0, false, Instant.EPOCH, Instant.EPOCH, "");
    }

    public boolean edited() {
        return updatedAt.isAfter(createdAt);
    }
}
