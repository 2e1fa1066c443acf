package io.drover.forge;

import java.util.List;

/** An issue as Drover reads it back: the rollout's dashboard. */
public record Issue(int number, String url, String title, String body, State state, List<String> labels) {

    public enum State { OPEN, CLOSED }

    public Issue {
        body = body == null ? "" : body;
        labels = List.copyOf(labels);
    }
}
