package io.drover.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.audit.AuditEvent.Actor;
import io.drover.audit.AuditEvent.PullRequestRef;
import io.drover.audit.AuditEvent.StepRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The note line format: fixed key order on writing, lenient on reading, nothing Drover does not know lost. */
class AuditEventTest {

    private static final StepRef STEP = StepRef.of("add-prod-euw-03", "add-cluster", 1, 32);
    private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void aStepMergedEventIsOneLineWithItsKeysInTheDocumentedOrder() {
        AuditEvent merged = AuditEvent.stepMerged("production-1-31", STEP,
                new PullRequestRef(12, Optional.of("https://github.com/acme/fleet/pull/12")), Optional.of("alice"), AT,
                "9f3c2a1b0d4e5f60718293a4b5c6d7e8f9012345", Optional.of("squash"));

        assertThat(merged.toJsonLine()).isEqualTo("{\"event\":\"step-merged\",\"rollout\":\"production-1-31\",\"step\":\"add-prod-euw-03\","
                + "\"kind\":\"add-cluster\",\"number\":1,\"total\":32,\"pr\":12,\"prUrl\":\"https://github.com/acme/fleet/pull/12\","
                + "\"mergedBy\":\"alice\",\"mergedAt\":\"2026-11-23T09:00:00Z\",\"mergeCommit\":\"9f3c2a1b0d4e5f60718293a4b5c6d7e8f9012345\","
                + "\"method\":\"squash\"}");
    }

    @Test
    void everyKindOfEventReadsBackAsWritten() {
        List<AuditEvent> events = List.of(
                AuditEvent.stepMerged("production-1-31", STEP, new PullRequestRef(12, Optional.empty()), Optional.of("alice"), AT, "abc",
                        Optional.empty()),
                AuditEvent.gatePassed("production-1-31", STEP, AT, AT.plusSeconds(3600), List.of("shop-prod-euw-03", "api-prod-euw-03")),
                AuditEvent.gateFailed("production-1-31", STEP, AT, "shop-prod-euw-03 Degraded", List.of("shop-prod-euw-03")),
                AuditEvent.rollbackOpened("production-1-31", STEP, new PullRequestRef(13, Optional.of("https://x/13")), AT, "gate failed"),
                AuditEvent.decision(AuditEvent.PAUSED, "production-1-31", Optional.empty(), new Actor("bob", Optional.of(4002L)), AT,
                        Optional.of("a reason with \"quotes\", commas\tand ünïcode"), "https://x/13#issuecomment-1"),
                AuditEvent.decision(AuditEvent.SKIPPED, "production-1-31", Optional.of("enroll-prod-euw-03"),
                        new Actor("carol", Optional.empty()), AT, Optional.empty(), "https://x/13#issuecomment-2"));

        for (AuditEvent event : events) {
            String line = event.toJsonLine();
            assertThat(line).doesNotContain("\n");
            assertThat(AuditEvent.parse(line)).as(line).contains(event);
            assertThat(AuditEvent.parse(line).orElseThrow().isKnown()).isTrue();
        }
    }

    @Test
    void unknownKeysAreIgnoredAndValuesOfTheWrongTypeCountAsAbsent() {
        AuditEvent event = AuditEvent.parse("{\"event\":\"gate-passed\",\"rollout\":\"r\",\"step\":\"s\",\"number\":\"one\",\"total\":3,"
                + "\"at\":\"yesterday\",\"soakUntil\":\"2026-11-23T10:00:00Z\",\"apps\":[\"a\",7],\"evidence\":{\"x\":1},\"byId\":5}")
                .orElseThrow();

        assertThat(event.step()).contains(new StepRef("s", Optional.empty(), Optional.empty()));
        assertThat(event.at()).isEmpty();
        assertThat(event.soakUntil()).contains(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(event.apps()).containsExactly("a");
        assertThat(event.by()).isEmpty();
    }

    @Test
    void anEventOfAKindDroverDoesNotKnowIsKeptButNotKnown() {
        AuditEvent event = AuditEvent.parse("{\"event\":\"dashboard-moved\",\"rollout\":\"r\",\"issue\":7}").orElseThrow();

        assertThat(event.event()).isEqualTo("dashboard-moved");
        assertThat(event.isKnown()).isFalse();
        assertThat(event.isDecision()).isFalse();
    }

    @Test
    void aLineThatIsNoObjectWithEventAndRolloutIsNoEvent() {
        assertThat(List.of("Reviewed-by: carol", "[1,2]", "{\"event\":\"paused\"}", "{\"event\":1,\"rollout\":\"r\"}",
                "{\"event\":\"paused\",\"rollout\":\"r\"} trailing", "{\"event\":\"paused\",\"rollout\":\"r\"")).allSatisfy(line ->
                assertThat(AuditEvent.parse(line)).as(line).isEmpty());
    }

    @Test
    void onlyDecisionsAreMadeAsDecisions() {
        assertThatThrownBy(() -> AuditEvent.decision(AuditEvent.GATE_PASSED, "r", Optional.empty(), new Actor("a", Optional.empty()),
                AT, Optional.empty(), "u")).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("gate-passed is not a decision");
    }
}
