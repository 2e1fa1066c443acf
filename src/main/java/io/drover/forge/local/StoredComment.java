package io.drover.forge.local;

import io.drover.forge.Comment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A comment as the local forge keeps it on disk, with the reactions it got. */
record StoredComment(long id, String author, long authorId, boolean bot, String body, Instant createdAt, Instant updatedAt,
        List<String> reactions) {

    StoredComment {
        reactions = List.copyOf(reactions);
    }

    Comment view(String url) {
        return new Comment(id, author, body, authorId, bot, createdAt, updatedAt, url);
    }

    /** As GitHub: the same reaction twice is one reaction. */
    StoredComment reacted(String content) {
        if (reactions.contains(content)) {
            return this;
        }
        List<String> all = new ArrayList<>(reactions);
        all.add(content);
        return new StoredComment(id, author, authorId, bot, body, createdAt, updatedAt, all);
    }
}
