package io.drover.testing.argocd;

import io.drover.fleet.FleetReader;
import io.drover.model.Cluster;
import io.drover.model.ExpectedApplication;
import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Argo CD as the ApplicationSet controller and the application controller would leave it at a
 * revision of the fleet repo: every Application the ApplicationSets generate for the clusters, synced
 * at that revision with the health the test chooses; Applications no longer generated are gone.
 * Served through {@link StubArgoCd}, so every answer is still checked against Argo CD's swagger.
 */
public final class SimulatedArgoCd {

    private final StubArgoCd stub;
    private final String fleetRepo;
    private final Set<String> served = new HashSet<>();

    public SimulatedArgoCd(StubArgoCd stub, String fleetRepo) {
        this.stub = stub;
        this.fleetRepo = fleetRepo;
    }

    /** Argo CD has synced {@code revision}; every generated app reports {@code health}, save those in {@code exceptions}. */
    public Map<String, ExpectedApplication> syncTo(FleetFiles files, String revision, String health, Map<String, String> exceptions)
            throws Exception {
        Fleet fleet = FleetReader.read(files);
        Map<String, ExpectedApplication> apps = new LinkedHashMap<>();
        for (Cluster cluster : fleet.clusters().values()) {
            fleet.definitionApplications(cluster).forEach(a -> apps.put(a.name(), a));
            fleet.expectedApplications(cluster).forEach(a -> apps.put(a.name(), a));
        }
        for (ExpectedApplication app : apps.values()) {
            String path = app.sourcePaths().isEmpty() ? "." : app.sourcePaths().get(0);
            stub.serve(app.name(), ApplicationJson.generated(app.name(), app.applicationSet(), app.cluster(), fleetRepo, path, revision)
                    .health(exceptions.getOrDefault(app.name(), health)));
        }
        for (String gone : served) {
            if (!apps.containsKey(gone)) {
                stub.remove(gone);
            }
        }
        served.clear();
        served.addAll(apps.keySet());
        return apps;
    }
}
