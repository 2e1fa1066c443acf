package io.drover.status;

/** A step's pull request as the views link it. Its title comes from the forge: escape it wherever it is shown. */
public record PullRequestLink(int number, String url, String title) {
}
