package io.drover.model;

import java.util.Arrays;
import java.util.Optional;

/** How a rollout replaces or upgrades clusters (seed 003). */
public enum Strategy {
    BLUE_GREEN("blue-green"),
    ROLLING("rolling"),
    CANARY_FLEET("canary-fleet");

    private final String id;

    Strategy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Strategy> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
