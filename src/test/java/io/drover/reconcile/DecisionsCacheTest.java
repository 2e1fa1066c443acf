package io.drover.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.audit.AuditEvent;
import io.drover.git.BotIdentity;
import io.drover.git.FleetWorkspace;
import io.drover.testing.GitOrigin;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decisions of the audit trail are read from the notes again only when the notes changed. */
class DecisionsCacheTest {

    private static final BotIdentity BOT = new BotIdentity("Drover", "drover@fleet.example.com");
    private static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void unchangedNotesAreNotReadAgainAndANewLineIsSeen() throws Exception {
        try (GitOrigin origin = GitOrigin.withFiles(tmp.resolve("origin.git"), ReconcileFixture.exampleAnyTime());
                FleetWorkspace workspace = FleetWorkspace.reading(origin.repository())) {
            PassCache cache = new PassCache();
            String head = origin.tip("main").name();
            assertThat(cache.decisions(workspace)).as("no notes yet").isEmpty();

            workspace.appendNote(head, decision(AuditEvent.PAUSED, "https://github.com/acme/fleet/pull/1#issuecomment-1"), BOT, AT);
            List<AuditEvent> first = cache.decisions(workspace);
            List<AuditEvent> again = cache.decisions(workspace);
            workspace.appendNote(head, decision(AuditEvent.RESUMED, "https://github.com/acme/fleet/pull/1#issuecomment-2"), BOT, AT);
            List<AuditEvent> after = cache.decisions(workspace);

            assertThat(first).extracting(AuditEvent::event).containsExactly(AuditEvent.PAUSED);
            assertThat(again).as("the same notes commit: the list read before").isSameAs(first);
            assertThat(after).extracting(AuditEvent::event).containsExactly(AuditEvent.PAUSED, AuditEvent.RESUMED);
        }
    }

    private static String decision(String event, String comment) {
        return AuditEvent.decision(event, "production-1-31", Optional.empty(),
                new AuditEvent.Actor("alice", Optional.of(1001L)), AT, Optional.empty(), comment).toJsonLine();
    }
}
