package io.drover.audit;

import java.time.Instant;

/** A line of a note that is no event Drover can read (not a JSON object with event and rollout), kept as written. */
public record NoteLine(String commit, Instant committedAt, String line) {
}
