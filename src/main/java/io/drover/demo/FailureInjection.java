package io.drover.demo;

import io.drover.argocd.standin.ArgoCdStandIn;
import io.drover.fleet.FleetReader;
import io.drover.fleet.FleetSource;
import io.drover.fleet.InvalidFleetException;
import io.drover.model.Cluster;
import io.drover.model.ExpectedApplication;
import io.drover.model.Fleet;
import io.drover.model.StepKind;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * {@code --inject-failure}: when the first step that shifts traffic is merged, an application of
 * the new cluster taking the traffic goes Degraded after its sync, as a workload that cannot take
 * real load would. Its gate fails, the rollout pauses, and (the demo policy asks for it) Drover
 * opens the rollback pull request.
 */
final class FailureInjection {

    private final ArgoCdStandIn argoCd;
    private final Repository repository;
    private final Set<String> clustersAtStart;
    private Optional<String> degraded = Optional.empty();

    FailureInjection(ArgoCdStandIn argoCd, Repository repository, Set<String> clustersAtStart) {
        this.argoCd = argoCd;
        this.repository = repository;
        this.clustersAtStart = Set.copyOf(clustersAtStart);
    }

    /** After a step's merge: the application made to fail, the first time a traffic shift is merged. */
    Optional<String> afterMerge(String kind, String mergeCommit) throws DemoProblem {
        if (degraded.isPresent() || !kind.equals(StepKind.SHIFT_TRAFFIC.id())) {
            return Optional.empty();
        }
        Fleet fleet;
        try {
            fleet = FleetReader.read(FleetSource.commit(repository, ObjectId.fromString(mergeCommit)));
        } catch (IOException | InvalidFleetException e) {
            throw DemoProblem.stopped("cannot read the fleet at " + mergeCommit + " to pick the application to fail: " + e.getMessage(), e);
        }
        Optional<ExpectedApplication> app = fleet.clusters().values().stream().filter(c -> !clustersAtStart.contains(c.name()))
                .map(fleet::expectedApplications).flatMap(java.util.List::stream).findFirst();
        app.ifPresent(a -> argoCd.degrade(a.name()));
        degraded = app.map(ExpectedApplication::name);
        return degraded;
    }

    static Set<String> clusterNames(Fleet fleet) {
        return fleet.clusters().values().stream().map(Cluster::name).collect(java.util.stream.Collectors.toSet());
    }
}
