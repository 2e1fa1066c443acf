package io.drover.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The {@code --since} of {@code drover audit}: a day (from midnight UTC) or a moment with its offset. */
final class SinceDate {

    private SinceDate() {
    }

    static Instant parse(String text) throws UsageProblem {
        try {
            if (text.length() == "2026-11-01".length()) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageProblem("--since '" + text + "' is not a date; give a day (2026-11-01, from midnight UTC) or a"
                    + " moment with its offset (2026-11-01T09:30:00Z, 2026-11-01T10:30:00+01:00)");
        }
    }
}
