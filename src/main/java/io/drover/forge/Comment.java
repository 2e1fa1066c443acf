package io.drover.forge;

/** A comment on a pull request or issue, as Drover reads it back. */
public record Comment(long id, String author, String body) {
}
