package io.drover.gate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What Argo CD reports about one Application, reduced to what the gate judges. Status values
 * Drover does not know read as UNKNOWN, which never passes.
 */
public record ApplicationState(
        String name,
        Optional<Instant> deletionTimestamp,
        SyncStatus syncStatus,
        List<SourceRevision> syncedRevisions,
        Health health,
        boolean operationRequested,
        Optional<LastOperation> lastOperation,
        Optional<Instant> reconciledAt,
        List<String> conditions) {

    public ApplicationState {
        syncedRevisions = List.copyOf(syncedRevisions);
        conditions = List.copyOf(conditions);
    }

    /** The revision of one source: {@code status.sync.revision}, or one entry of {@code revisions} for multi-source apps. */
    public record SourceRevision(String repoUrl, String revision) {
    }

    /** {@code status.operationState}: the last (or current) sync. */
    public record LastOperation(OperationPhase phase, String message, Optional<Instant> finishedAt,
            List<SourceRevision> revisions) {
        public LastOperation {
            revisions = List.copyOf(revisions);
        }
    }

    public enum Health {
        HEALTHY, PROGRESSING, SUSPENDED, MISSING, DEGRADED, UNKNOWN;

        public static Health of(String argoName) {
            return ArgoNames.parse(Health.class, argoName, UNKNOWN);
        }

        @Override
        public String toString() {
            return ArgoNames.of(this);
        }
    }

    public enum SyncStatus {
        SYNCED, OUT_OF_SYNC, UNKNOWN;

        public static SyncStatus of(String argoName) {
            return ArgoNames.parse(SyncStatus.class, argoName, UNKNOWN);
        }

        @Override
        public String toString() {
            return ArgoNames.of(this);
        }
    }

    public enum OperationPhase {
        RUNNING, TERMINATING, FAILED, ERROR, SUCCEEDED, UNKNOWN;

        public static OperationPhase of(String argoName) {
            return ArgoNames.parse(OperationPhase.class, argoName, UNKNOWN);
        }

        public boolean inProgress() {
            return this == RUNNING || this == TERMINATING;
        }

        public boolean failed() {
            return this == FAILED || this == ERROR;
        }

        @Override
        public String toString() {
            return ArgoNames.of(this);
        }
    }
}
