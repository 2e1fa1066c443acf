package io.drover.status;

import java.util.Optional;

/** One step of a rollout: its place in the rollout, id, kind, state and its pull request if it has one. */
public record StepView(int number, String id, String kind, StepState state, Optional<PullRequestLink> pr) {
}
