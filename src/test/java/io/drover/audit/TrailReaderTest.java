package io.drover.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.audit.AuditEvent.StepRef;
import io.drover.git.BotIdentity;
import io.drover.git.FleetWorkspace;
import io.drover.model.FleetFiles;
import io.drover.testing.GitOrigin;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the reader puts events whose note is not on their step's commit. */
class TrailReaderTest {

    private static final BotIdentity BOT = new BotIdentity("drover[bot]", "drover@example.com");
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final StepRef STEP = StepRef.of("add-prod-euw-03", "add-cluster", 1, 32);

    @TempDir
    Path dir;

    @Test
    void aGateNotedOnALaterCommitGoesToItsStepAndANoteOffTheBranchIsCounted() throws Exception {
        try (GitOrigin origin = GitOrigin.withFiles(dir.resolve("origin.git"), FleetFiles.of(Map.of("README.md", "fleet\n")))) {
            String step = origin.commit("main", Map.of("a", "1"), "Add cluster prod-euw-03\n\nDrover-Rollout: production-1-31\n"
                    + "Drover-Step: 1/32 add-cluster\nDrover-Step-Id: add-prod-euw-03\n", GitOrigin.HUMAN).name();
            String later = origin.commit("main", Map.of("b", "2"), "Bump shop", GitOrigin.HUMAN).name();
            String elsewhere = origin.commit("feature", Map.of("c", "3"), "Try something", GitOrigin.HUMAN).name();
            AuditEvent gate = AuditEvent.gatePassed("production-1-31", STEP, AT, AT.plusSeconds(600), List.of("shop"));
            AuditEvent orphan = AuditEvent.gatePassed("production-1-31", StepRef.of("enroll-prod-euw-03", "enroll-cluster", 2, 32), AT,
                    AT.plusSeconds(600), List.of());

            try (FleetWorkspace drover = FleetWorkspace.open(dir.resolve("drover"), origin.url(), CredentialsProvider.getDefault())) {
                drover.appendNote(later, gate.toJsonLine(), BOT, AT);
                drover.appendNote(later, orphan.toJsonLine(), BOT, AT);
                drover.appendNote(elsewhere, gate.toJsonLine(), BOT, AT);

                AuditTrail trail = TrailReader.read(drover, "main", later);

                RolloutTrail rollout = trail.rollouts().get(0);
                assertThat(rollout.steps()).singleElement().satisfies(s -> {
                    assertThat(s.commit()).isEqualTo(step);
                    assertThat(s.events()).extracting(TrailEntry::event).containsExactly(gate);
                    assertThat(s.events().get(0).commit()).isEqualTo(later);
                });
                assertThat(rollout.other()).as("a gate of a step not merged on this branch")
                        .extracting(TrailEntry::event).containsExactly(orphan);
                assertThat(trail.notesOutsideHistory()).isEqualTo(1);
                assertThat(trail.commitsRead()).isEqualTo(3);
            }
        }
    }
}
