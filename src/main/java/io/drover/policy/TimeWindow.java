package io.drover.policy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/** A span of time a policy names: a fixed range of dates, or a window that recurs every week. */
public sealed interface TimeWindow {

    String name();

    boolean contains(Instant instant);

    /** A fixed range, such as a retail peak week; {@code until} is exclusive. */
    record DateRange(String name, Instant from, Instant until) implements TimeWindow {
        @Override
        public boolean contains(Instant instant) {
            return !instant.isBefore(from) && instant.isBefore(until);
        }
    }

    /**
     * The same hours on some days of every week, in a time zone; {@code until} is exclusive and
     * may be midnight of the next day (written 24:00), and a window may run past midnight.
     */
    record Weekly(String name, Set<DayOfWeek> days, LocalTime from, LocalTime until, boolean untilMidnight,
            ZoneId zone) implements TimeWindow {

        public Weekly {
            days = Set.copyOf(days);
        }

        @Override
        public boolean contains(Instant instant) {
            ZonedDateTime local = instant.atZone(zone);
            LocalTime time = local.toLocalTime();
            DayOfWeek day = local.getDayOfWeek();
            boolean wraps = !untilMidnight && !until.isAfter(from);
            if (!wraps) {
                return days.contains(day) && !time.isBefore(from) && (untilMidnight || time.isBefore(until));
            }
            // A window such as FRI 22:00-06:00 belongs to the day it starts on.
            return (days.contains(day) && !time.isBefore(from)) || (days.contains(day.minus(1)) && time.isBefore(until));
        }
    }
}
