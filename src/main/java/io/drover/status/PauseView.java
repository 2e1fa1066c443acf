package io.drover.status;

import java.util.Optional;

/** Whether the rollout is paused, by whom when that is known, and why. */
public record PauseView(boolean paused, Optional<String> by, String reason) {

    public static final PauseView RUNNING = new PauseView(false, Optional.empty(), "");
}
