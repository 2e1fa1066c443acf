package io.drover.gate;

/**
 * Passes every step at once. Used until a health gate (Argo CD) is configured; the service says
 * so loudly at start, because without it Drover only soaks, it does not look.
 */
public final class NoHealthGate implements Gate {

    public static final String WARNING = "NO HEALTH GATE IS CONFIGURED: Drover proceeds after each merge once the soak "
            + "time has passed, without checking that Argo CD reports the applications Synced and Healthy";

    @Override
    public Result check(Request request) {
        return new Result.Passed("no health gate configured");
    }
}
