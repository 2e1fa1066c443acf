package io.drover.audit;

import java.time.Instant;

/**
 * An event of the trail as read from a note: the commit the note is on, when that commit was made,
 * and the line as written. {@code sequence} is its place in the whole trail, oldest first.
 */
public record TrailEntry(long sequence, String commit, Instant committedAt, AuditEvent event, String line) {

    /** When it happened: the event's own time, or else when the commit it is noted on was made. */
    public Instant time() {
        return event.time().orElse(committedAt);
    }
}
