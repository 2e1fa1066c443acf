package io.drover.forge;

import java.util.List;

/** What Drover asks a forge to open. */
public record NewPullRequest(String head, String base, String title, String body, List<String> labels) {
    public NewPullRequest {
        labels = List.copyOf(labels);
    }
}
