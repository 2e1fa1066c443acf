package io.drover.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.FleetFiles;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Freeze and change windows: whole dates in a zone, weekly hours across DST and midnight. */
class TimeWindowTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    // --- DateRange

    @Test
    void wholeDatesInATimeZoneIncludeTheUntilDate() throws Exception {
        TimeWindow peak = onlyFreezeWindow("""
                - name: retail-peak
                  from: 2026-11-23
                  until: 2026-12-01
                  timeZone: America/New_York
                """);

        assertThat(peak).isInstanceOf(TimeWindow.DateRange.class);
        assertThat(peak.name()).isEqualTo("retail-peak");
        // The first moment of Nov 23 in New York, not in UTC.
        assertThat(peak.contains(at("2026-11-23T00:00", NEW_YORK))).isTrue();
        assertThat(peak.contains(at("2026-11-22T23:59", NEW_YORK))).isFalse();
        assertThat(peak.contains(Instant.parse("2026-11-23T03:00:00Z"))).isFalse(); // still Nov 22 in New York
        // The last evening of Dec 1 in New York is frozen (already Dec 2 in UTC) ...
        assertThat(peak.contains(at("2026-12-01T23:30", NEW_YORK))).isTrue();
        assertThat(peak.contains(Instant.parse("2026-12-02T04:30:00Z"))).isTrue();
        // ... the next morning is not.
        assertThat(peak.contains(at("2026-12-02T00:00", NEW_YORK))).isFalse();
        assertThat(peak.contains(at("2026-12-02T08:00", NEW_YORK))).isFalse();
    }

    @Test
    void dateTimesAreTakenAsWrittenAndUntilIsExclusive() throws Exception {
        TimeWindow launch = onlyFreezeWindow("""
                - name: launch
                  from: 2026-06-01T08:00:00Z
                  until: 2026-06-01T12:00:00+02:00
                  timeZone: America/New_York
                """);

        assertThat(launch).isEqualTo(new TimeWindow.DateRange("launch",
                Instant.parse("2026-06-01T08:00:00Z"), Instant.parse("2026-06-01T10:00:00Z")));
        assertThat(launch.contains(Instant.parse("2026-06-01T08:00:00Z"))).isTrue();
        assertThat(launch.contains(Instant.parse("2026-06-01T09:59:59Z"))).isTrue();
        assertThat(launch.contains(Instant.parse("2026-06-01T10:00:00Z"))).isFalse();
        assertThat(launch.contains(Instant.parse("2026-06-01T07:59:59Z"))).isFalse();
    }

    // --- Weekly

    @Test
    void weeklyInsideAndOutside() {
        TimeWindow.Weekly workingDays = new TimeWindow.Weekly("working-days",
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                LocalTime.of(8, 0), LocalTime.of(18, 0), false, ZoneId.of("UTC"));

        assertThat(workingDays.contains(Instant.parse("2026-05-06T08:00:00Z"))).isTrue(); // Wednesday, from is inclusive
        assertThat(workingDays.contains(Instant.parse("2026-05-06T17:59:00Z"))).isTrue();
        assertThat(workingDays.contains(Instant.parse("2026-05-06T18:00:00Z"))).isFalse(); // until is exclusive
        assertThat(workingDays.contains(Instant.parse("2026-05-06T07:59:00Z"))).isFalse();
        assertThat(workingDays.contains(Instant.parse("2026-05-09T10:00:00Z"))).isFalse(); // Saturday
    }

    @Test
    void weeklyHoursAreLocalAcrossTheDaylightSavingChange() throws Exception {
        // Berlin moves from UTC+1 to UTC+2 on Sunday 2026-03-29.
        TimeWindow mornings = onlyChangeWindow("""
                - name: weekday-mornings
                  days: [MON, TUE, WED, THU]
                  from: "09:00"
                  until: "13:00"
                  timeZone: Europe/Berlin
                """);

        // Thursday before the change: 09:00-13:00 is 08:00-12:00 UTC.
        assertThat(mornings.contains(Instant.parse("2026-03-26T08:00:00Z"))).isTrue();
        assertThat(mornings.contains(Instant.parse("2026-03-26T07:30:00Z"))).isFalse();
        assertThat(mornings.contains(Instant.parse("2026-03-26T11:30:00Z"))).isTrue();
        // Monday after the change: 09:00-13:00 is 07:00-11:00 UTC.
        assertThat(mornings.contains(Instant.parse("2026-03-30T07:00:00Z"))).isTrue();
        assertThat(mornings.contains(Instant.parse("2026-03-30T06:59:00Z"))).isFalse();
        assertThat(mornings.contains(Instant.parse("2026-03-30T11:30:00Z"))).isFalse();
    }

    @Test
    void untilMidnightCoversTheWholeDayEvenOnTheShortDstSunday() throws Exception {
        TimeWindow weekends = onlyFreezeWindow("""
                - name: weekends
                  days: [SAT, SUN]
                  from: "00:00"
                  until: "24:00"
                  timeZone: Europe/Berlin
                """);

        assertThat(weekends).isEqualTo(new TimeWindow.Weekly("weekends", Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, true, BERLIN));
        // Saturday 2026-03-28 starts at 23:00 UTC on Friday (winter time) ...
        assertThat(weekends.contains(Instant.parse("2026-03-27T22:59:00Z"))).isFalse();
        assertThat(weekends.contains(Instant.parse("2026-03-27T23:00:00Z"))).isTrue();
        // ... the 23-hour Sunday 2026-03-29 ends at 22:00 UTC (summer time).
        assertThat(weekends.contains(at("2026-03-29T02:30", BERLIN))).isTrue(); // in the skipped hour: 03:30 CEST
        assertThat(weekends.contains(Instant.parse("2026-03-29T21:59:00Z"))).isTrue();
        assertThat(weekends.contains(Instant.parse("2026-03-29T22:00:00Z"))).isFalse();
        assertThat(weekends.contains(at("2026-03-29T23:59:59", BERLIN))).isTrue();
    }

    @Test
    void windowPastMidnightBelongsToTheDayItStarts() throws Exception {
        TimeWindow night = onlyChangeWindow("""
                - name: friday-night
                  days: [FRI]
                  from: "22:00"
                  until: "06:00"
                  timeZone: Europe/Berlin
                """);

        // Friday 2026-05-08, Saturday 2026-05-09.
        assertThat(night.contains(at("2026-05-08T21:59", BERLIN))).isFalse();
        assertThat(night.contains(at("2026-05-08T22:00", BERLIN))).isTrue();
        assertThat(night.contains(at("2026-05-08T23:30", BERLIN))).isTrue();
        assertThat(night.contains(at("2026-05-09T00:00", BERLIN))).isTrue();
        assertThat(night.contains(at("2026-05-09T05:00", BERLIN))).isTrue();
        assertThat(night.contains(at("2026-05-09T06:00", BERLIN))).isFalse();
        assertThat(night.contains(at("2026-05-09T07:00", BERLIN))).isFalse();
        // Saturday night is not Friday night, nor is the early Friday morning.
        assertThat(night.contains(at("2026-05-09T23:00", BERLIN))).isFalse();
        assertThat(night.contains(at("2026-05-10T05:00", BERLIN))).isFalse();
        assertThat(night.contains(at("2026-05-08T05:00", BERLIN))).isFalse();
    }

    @Test
    void sundayNightWrapsIntoMonday() {
        TimeWindow.Weekly night = new TimeWindow.Weekly("sunday-night", Set.of(DayOfWeek.SUNDAY),
                LocalTime.of(23, 0), LocalTime.of(2, 0), false, ZoneId.of("UTC"));

        assertThat(night.contains(Instant.parse("2026-05-11T01:00:00Z"))).isTrue(); // Monday 01:00
        assertThat(night.contains(Instant.parse("2026-05-12T01:00:00Z"))).isFalse(); // Tuesday 01:00
    }

    // --- Policy

    @Test
    void noChangeWindowsMeansAnyTimeIsAllowed() throws Exception {
        Policy policy = policy("  changeWindows: []\n");

        assertThat(policy.changeWindows()).isEmpty();
        for (String instant : List.of("2026-03-29T01:30:00Z", "2026-05-09T23:59:59Z", "2026-12-25T12:00:00Z")) {
            assertThat(policy.inChangeWindow(Instant.parse(instant))).as(instant).isTrue();
        }
        assertThat(policy.freezeAt(Instant.parse("2026-12-25T12:00:00Z"))).isEmpty();
    }

    @Test
    void withChangeWindowsOnlyTheirHoursAreAllowed() throws Exception {
        Policy policy = PolicyCatalog.find(FleetFiles.of(Map.of()), "default").orElseThrow();

        assertThat(policy.inChangeWindow(Instant.parse("2026-05-06T10:00:00Z"))).isTrue(); // Wednesday
        assertThat(policy.inChangeWindow(Instant.parse("2026-05-06T20:00:00Z"))).isFalse();
        assertThat(policy.inChangeWindow(Instant.parse("2026-05-09T10:00:00Z"))).isFalse(); // Saturday
    }

    @Test
    void freezeAtNamesTheFreezeWindow() throws Exception {
        Policy policy = PolicyCatalog.find(FleetFiles.of(Map.of()), "conservative").orElseThrow();

        assertThat(policy.freezeAt(at("2026-11-27T10:00", NEW_YORK))).map(TimeWindow::name).contains("retail-peak-2026");
        assertThat(policy.freezeAt(at("2026-05-09T10:00", BERLIN))).map(TimeWindow::name).contains("weekends");
        assertThat(policy.freezeAt(at("2026-05-06T10:00", BERLIN))).isEmpty();
    }

    // --- helpers

    private static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    private static TimeWindow onlyFreezeWindow(String windows) throws Exception {
        Policy policy = policy("  freezeWindows:\n" + windows.indent(4));
        assertThat(policy.freezeWindows()).hasSize(1);
        return policy.freezeWindows().get(0);
    }

    private static TimeWindow onlyChangeWindow(String windows) throws Exception {
        Policy policy = policy("  changeWindows:\n" + windows.indent(4));
        assertThat(policy.changeWindows()).hasSize(1);
        return policy.changeWindows().get(0);
    }

    private static Policy policy(String specLines) throws InvalidPolicyException {
        return PolicyReader.read("policies/test.yaml", """
                apiVersion: drover.io/v1alpha1
                kind: Policy
                metadata:
                  name: test
                spec:
                """ + specLines);
    }
}
