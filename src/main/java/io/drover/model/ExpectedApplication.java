package io.drover.model;

import java.util.List;

/** An Application that an ApplicationSet generates for a cluster, with the repo paths it deploys. */
public record ExpectedApplication(String name, String applicationSet, String cluster, List<String> sourcePaths) {
    public ExpectedApplication {
        sourcePaths = List.copyOf(sourcePaths);
    }
}
