package io.drover.testing.github;

import java.util.List;

/** An issue as a test reads it back from the stub. */
public record IssueRecord(int number, String title, String body, boolean open, List<String> labels, List<String> comments) {
    public IssueRecord {
        labels = List.copyOf(labels);
        comments = List.copyOf(comments);
    }
}
