package io.drover.policy;

import java.util.List;
import java.util.Map;

/** The YAML shape of a policy file, as Jackson binds it; {@link PolicyReader} checks its meaning. */
record PolicyDocument(String apiVersion, String kind, Metadata metadata, Spec spec) {

    record Metadata(String name) {
    }

    record Spec(
            List<Integer> trafficRamp,
            Map<String, String> soak,
            String clustersInFlight,
            Stages stages,
            Capacity capacity,
            List<Window> freezeWindows,
            List<Window> changeWindows,
            List<String> autoMerge,
            Map<String, String> gateTimeouts,
            ChatOps chatOps,
            String newClusterName,
            Boolean automaticRollback) {
    }

    record Stages(String by, List<String> order) {
    }

    record Capacity(Integer spareClusters, Double maxUtilisation) {
    }

    record Window(String name, String from, String until, List<String> days, String timeZone) {
    }

    /** {@code users} is read only to refuse it with a clear message; teams are {@code org/team-slug}. */
    record ChatOps(List<Long> steer, List<Long> pause, List<String> teams, List<String> pauseTeams, List<Object> users) {
    }
}
