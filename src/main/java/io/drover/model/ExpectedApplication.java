package io.drover.model;

import java.util.List;

/**
 * An Application that an ApplicationSet generates for a cluster (or for the cluster's own
 * directory), with the Argo CD project it belongs to and the repo paths it deploys.
 */
public record ExpectedApplication(String name, String applicationSet, String cluster, String project,
        List<String> sourcePaths) {
    public ExpectedApplication {
        sourcePaths = List.copyOf(sourcePaths);
    }
}
