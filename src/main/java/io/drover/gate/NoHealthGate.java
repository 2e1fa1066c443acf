package io.drover.gate;

import java.util.List;

/**
 * Passes every step at once, so Drover only soaks, it does not look; the service says so loudly
 * at start.
 */
public final class NoHealthGate implements Gate {

    public static final String WARNING = "NO HEALTH GATE IS CONFIGURED: Drover proceeds after each merge once the soak "
            + "time has passed, without checking that Argo CD reports the applications Synced and Healthy";

    @Override
    public Result check(Request request) {
        return new Result.Passed("no health gate configured", List.of());
    }
}
