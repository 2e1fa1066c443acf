package io.drover.forge.local;

import io.drover.forge.Issue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** An issue as the local forge keeps it in {@code issues/N.json}, with its conversation. */
record StoredIssue(int number, String title, String body, Issue.State state, List<String> labels, List<StoredComment> comments) {

    StoredIssue {
        labels = List.copyOf(labels);
        comments = List.copyOf(comments);
    }

    StoredIssue withBody(String newBody) {
        return new StoredIssue(number, title, newBody, state, labels, comments);
    }

    StoredIssue withComment(StoredComment comment) {
        List<StoredComment> all = new ArrayList<>(comments);
        all.add(comment);
        return new StoredIssue(number, title, body, state, labels, all);
    }

    StoredIssue mapComments(UnaryOperator<StoredComment> change) {
        return new StoredIssue(number, title, body, state, labels, comments.stream().map(change).toList());
    }
}
