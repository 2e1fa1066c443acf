package io.drover.argocd.standin;

import io.drover.gate.ApplicationState;
import io.drover.gate.ApplicationState.Health;
import io.drover.gate.ApplicationState.LastOperation;
import io.drover.gate.ApplicationState.OperationPhase;
import io.drover.gate.ApplicationState.SourceRevision;
import io.drover.gate.ApplicationState.SyncStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One generated Application since the stand-in saw {@code revision} at {@code since}: what Argo
 * CD reports of it at any later moment. First OutOfSync with the new revision (Missing when the
 * application is new), then its automated sync runs (Progressing), then Synced at the revision,
 * Progressing until its resources are ready, then Healthy, or Degraded when {@code degrades}.
 */
record AppTimeline(String name, String revision, Instant since, Optional<String> previous, boolean degrades) {

    ApplicationState at(Instant now, StandInTiming timing, String repoUrl) {
        Duration elapsed = Duration.between(since, now);
        List<SourceRevision> compared = List.of(new SourceRevision(repoUrl, revision));
        if (elapsed.compareTo(timing.syncStarts()) < 0) {
            Optional<LastOperation> last = previous.map(p -> new LastOperation(OperationPhase.SUCCEEDED,
                    "successfully synced (all tasks run)", Optional.of(since), List.of(new SourceRevision(repoUrl, p))));
            return state(SyncStatus.OUT_OF_SYNC, compared, previous.isPresent() ? Health.HEALTHY : Health.MISSING, false, last, now);
        }
        if (elapsed.compareTo(timing.syncEnds()) < 0) {
            LastOperation running = new LastOperation(OperationPhase.RUNNING,
                    "waiting for completion of hook and healthy state of the synced resources", Optional.empty(), compared);
            return state(SyncStatus.OUT_OF_SYNC, compared, Health.PROGRESSING, true, Optional.of(running), now);
        }
        LastOperation synced = new LastOperation(OperationPhase.SUCCEEDED, "successfully synced (all tasks run)",
                Optional.of(since.plus(timing.syncEnds())), compared);
        Health health = elapsed.compareTo(timing.healthy()) < 0 ? Health.PROGRESSING : degrades ? Health.DEGRADED : Health.HEALTHY;
        return state(SyncStatus.SYNCED, compared, health, false, Optional.of(synced), now);
    }

    private ApplicationState state(SyncStatus sync, List<SourceRevision> compared, Health health, boolean operation,
            Optional<LastOperation> last, Instant now) {
        return new ApplicationState(name, Optional.empty(), sync, compared, health, operation, last, Optional.of(now), List.of());
    }
}
