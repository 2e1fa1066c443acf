package io.drover.argocd;

import io.drover.gate.Observation;
import io.drover.model.ExpectedApplication;
import java.util.List;
import java.util.Map;

/**
 * What the gate asks Argo CD about applications: the port between {@link ArgoCdGate} and Argo CD's
 * API ({@link ArgoCdClient}), or the demo's embedded stand-in.
 */
public interface ArgoCdApplications {

    /** What Argo CD reports now about each application, by name. */
    Map<String, Observation> look(List<ExpectedApplication> apps);

    /** Asks Argo CD to refresh each application and returns what it reports after. */
    Map<String, Observation> refresh(List<ExpectedApplication> apps);
}
