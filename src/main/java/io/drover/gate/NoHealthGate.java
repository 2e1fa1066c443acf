package io.drover.gate;

import io.drover.model.Fleet;
import io.drover.model.StepKind;
import java.util.List;

/**
 * Passes every step at once, so Drover only soaks, it does not look; the service says so loudly
 * at start.
 */
public final class NoHealthGate implements Gate {

    public static final String WARNING = "NO HEALTH GATE IS CONFIGURED: Drover proceeds after each merge once the soak "
            + "time has passed, without checking that Argo CD reports the applications Synced and Healthy";

    @Override
    public String waitsFor(StepKind kind, List<String> clusters, Fleet before, Fleet after) {
        return "nothing but the soak time: no health gate is configured (drover.gate=none), so Drover does not look at Argo CD";
    }

    @Override
    public Result check(Request request) {
        return new Result.Passed("no health gate configured", List.of());
    }
}
