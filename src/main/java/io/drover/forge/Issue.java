package io.drover.forge;

import java.util.List;

/** An issue as Drover reads it back: the rollout's dashboard. {@code author} is the login that opened it. */
public record Issue(int number, String url, String title, String body, State state, List<String> labels, String author) {

    public enum State { OPEN, CLOSED }

    public Issue {
        body = body == null ? "" : body;
        labels = List.copyOf(labels);
        author = author == null ? "" : author;
    }
}
