package io.drover.gate;

import io.drover.gate.ApplicationState.Health;
import io.drover.gate.ApplicationState.LastOperation;
import io.drover.gate.ApplicationState.SourceRevision;
import io.drover.gate.ApplicationState.SyncStatus;
import io.drover.model.ExpectedApplication;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Judges an application that must run the merge: it exists, no sync is running, its health is
 * fresh, Argo CD compares it with the merge or a later commit of the fleet repo, the last sync
 * of that revision did not fail, and it is Synced and Healthy. Degraded fails only once the
 * health is about the merge; before that it may be the state the merge is fixing.
 */
final class RunningApplicationCheck {

    private final String merge;
    private final String fleetRepo;
    private final Ancestry ancestry;

    RunningApplicationCheck(String merge, String fleetRepo, Ancestry ancestry) {
        this.merge = merge;
        this.fleetRepo = fleetRepo;
        this.ancestry = ancestry;
    }

    Finding check(ExpectedApplication app, Observation observation) {
        if (observation instanceof Observation.Unreadable unreadable) {
            return Finding.waiting(unreadable.reason());
        }
        if (observation instanceof Observation.Absent) {
            return Finding.waiting("not generated yet by ApplicationSet " + app.applicationSet());
        }
        ApplicationState state = ((Observation.Found) observation).state();
        if (state.deletionTimestamp().isPresent()) {
            return Finding.waiting("being deleted since " + state.deletionTimestamp().get());
        }
        Optional<LastOperation> last = state.lastOperation();
        if (state.operationRequested() || last.filter(o -> o.phase().inProgress()).isPresent()) {
            return Finding.waiting("a sync is running"
                    + last.map(LastOperation::message).filter(m -> !m.isBlank()).map(m -> ": " + m).orElse(""));
        }
        Optional<String> stale = staleness(state);
        if (stale.isPresent()) {
            return Finding.waitingForRefresh(stale.get());
        }
        List<SourceRevision> fromFleet = fromFleetRepo(state.syncedRevisions());
        if (fromFleet.isEmpty()) {
            return Finding.waiting("none of its sources is the fleet repo " + fleetRepo
                    + ", so Drover cannot tell which commit it runs");
        }
        Optional<String> behind = fromFleet.stream().map(SourceRevision::revision).filter(r -> !atOrAfterMerge(r)).findFirst();
        if (behind.isPresent()) {
            return Finding.waitingForRefresh("Argo CD compares it with " + Revisions.brief(behind.get())
                    + ", not yet with the merge " + Revisions.brief(merge) + " or a later commit");
        }
        if (last.isPresent() && last.get().phase().failed()) {
            List<SourceRevision> synced = fromFleetRepo(last.get().revisions());
            if (!synced.isEmpty() && synced.stream().allMatch(r -> atOrAfterMerge(r.revision()))) {
                return Finding.failed("the sync of " + Revisions.brief(synced.get(0).revision()) + " ended "
                        + last.get().phase() + ": " + last.get().message());
            }
            return Finding.waiting("the last sync ended " + last.get().phase() + " (" + last.get().message()
                    + "), but it was not a sync of the merge; waiting for one");
        }
        if (state.health() == Health.DEGRADED) {
            return Finding.failed("Degraded at " + Revisions.brief(fromFleet.get(0).revision()));
        }
        if (state.syncStatus() != SyncStatus.SYNCED) {
            return Finding.waiting(state.syncStatus() + " at " + Revisions.brief(fromFleet.get(0).revision()));
        }
        if (state.health() != Health.HEALTHY) {
            return Finding.waiting(state.health().toString());
        }
        return Finding.passed("Synced at " + Revisions.brief(fromFleet.get(0).revision()) + " and Healthy");
    }

    /**
     * Argo CD writes health in a loop apart from the sync and skips writes when nothing changed,
     * so health read before it reconciled after the last sync finished may be from before it.
     */
    private static Optional<String> staleness(ApplicationState state) {
        if (state.reconciledAt().isEmpty()) {
            return Optional.of("Argo CD has not reconciled it yet");
        }
        Instant reconciled = state.reconciledAt().get();
        return state.lastOperation().flatMap(LastOperation::finishedAt).filter(reconciled::isBefore)
                .map(finished -> "its health is stale: Argo CD last reconciled it at " + reconciled
                        + ", before the last sync finished at " + finished);
    }

    private List<SourceRevision> fromFleetRepo(List<SourceRevision> revisions) {
        return revisions.stream().filter(r -> RepoUrls.same(r.repoUrl(), fleetRepo)).toList();
    }

    private boolean atOrAfterMerge(String revision) {
        return revision.equalsIgnoreCase(merge) || ancestry.isDescendantOrSame(revision, merge);
    }
}
