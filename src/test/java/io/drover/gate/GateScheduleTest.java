package io.drover.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.gate.GateSchedule.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Soak and timeout as arithmetic on the clock. */
class GateScheduleTest {

    private static final Instant MERGED = Instant.parse("2026-11-23T10:00:00Z");
    private static final GateSchedule SCHEDULE = new GateSchedule(MERGED, Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofSeconds(15));
    private static final List<AppEvidence> EVIDENCE = List.of(new AppEvidence("prod-euw-03-shop", "prod-euw-03",
            Verdict.PASSED, "Synced at 222222222222 and Healthy", "Synced", "Healthy", "2222", ""));
    private static final Gate.Result PASSED = new Gate.Result.Passed("1 application Synced and Healthy", EVIDENCE);
    private static final Gate.Result WAITING = new Gate.Result.Waiting("prod-euw-03-shop (Progressing)", Duration.ofSeconds(15),
            EVIDENCE);
    private static final Gate.Result FAILED = new Gate.Result.Failed("prod-euw-03-shop (Degraded at 222222222222)", EVIDENCE);

    @Test
    void waitingComesBackAfterTheRetryInterval() {
        Progress progress = SCHEDULE.progress(WAITING, Optional.empty(), at(5));

        assertThat(progress).isEqualTo(new GateSchedule.Waiting("prod-euw-03-shop (Progressing)", at(5).plusSeconds(15), EVIDENCE));
    }

    @Test
    void waitingNeverComesBackLaterThanTheDeadline() {
        Progress progress = SCHEDULE.progress(WAITING, Optional.empty(), at(30).minusSeconds(5));

        assertThat(((GateSchedule.Waiting) progress).comeBackAt()).isEqualTo(at(30));
    }

    @Test
    void stillWaitingAtTheDeadlineTimesOut() {
        Progress progress = SCHEDULE.progress(WAITING, Optional.empty(), at(30));

        assertThat(progress).isEqualTo(new GateSchedule.TimedOut("not passed within 30m of the merge: prod-euw-03-shop (Progressing)",
                at(30), EVIDENCE));
    }

    @Test
    void theFirstPassStartsTheSoakAndTheSoakIsCheckedAgain() {
        Progress progress = SCHEDULE.progress(PASSED, Optional.empty(), at(4));

        assertThat(progress).isEqualTo(new GateSchedule.Soaking(at(4), at(19), at(4).plusSeconds(15), EVIDENCE));
    }

    @Test
    void theLastRecheckOfASoakIsAtItsEnd() {
        Progress progress = SCHEDULE.progress(PASSED, Optional.of(at(4)), at(19).minusSeconds(3));

        assertThat(progress).isEqualTo(new GateSchedule.Soaking(at(4), at(19), at(19), EVIDENCE));
    }

    @Test
    void aPassingCheckAtTheEndOfTheSoakIsDoneEvenAfterTheTimeout() {
        Progress progress = SCHEDULE.progress(PASSED, Optional.of(at(20)), at(35));

        assertThat(progress).isEqualTo(new GateSchedule.Done(at(20), at(35), EVIDENCE));
    }

    @Test
    void withoutSoakTheFirstPassIsDone() {
        GateSchedule noSoak = new GateSchedule(MERGED, Duration.ZERO, Duration.ofMinutes(30), Duration.ofSeconds(15));

        assertThat(noSoak.progress(PASSED, Optional.empty(), at(2))).isEqualTo(new GateSchedule.Done(at(2), at(2), EVIDENCE));
    }

    @Test
    void degradedDuringTheSoakFails() {
        Progress progress = SCHEDULE.progress(FAILED, Optional.of(at(4)), at(10));

        assertThat(progress).isEqualTo(new GateSchedule.Failed("prod-euw-03-shop (Degraded at 222222222222)", EVIDENCE));
    }

    @Test
    void aCheckThatWaitsDuringTheSoakEndsItUntilTheNextPass() {
        Progress dropped = SCHEDULE.progress(WAITING, Optional.of(at(4)), at(10));
        Progress again = SCHEDULE.progress(PASSED, Optional.empty(), at(11));

        assertThat(dropped).isInstanceOf(GateSchedule.Waiting.class);
        assertThat(again).isEqualTo(new GateSchedule.Soaking(at(11), at(26), at(11).plusSeconds(15), EVIDENCE));
    }

    private static Instant at(int minutesAfterMerge) {
        return MERGED.plus(Duration.ofMinutes(minutesAfterMerge));
    }
}
