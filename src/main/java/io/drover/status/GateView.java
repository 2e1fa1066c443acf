package io.drover.status;

import java.util.List;

/** The gate of the last merged step as observed in the latest pass: its verdict, why, and each application. */
public record GateView(String stepId, String verdict, String reason, List<AppView> apps) {

    public GateView {
        apps = List.copyOf(apps);
    }
}
