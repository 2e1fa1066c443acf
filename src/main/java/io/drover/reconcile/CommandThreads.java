package io.drover.reconcile;

import io.drover.forge.ForgeException;
import java.util.List;

/**
 * Where, besides the rollout's current step pull request, ChatOps commands for a rollout are read:
 * the numbers of other threads (the rollout's dashboard issue). None by default.
 */
@FunctionalInterface
public interface CommandThreads {

    CommandThreads NONE = rollout -> List.of();

    List<Integer> of(String rollout) throws ForgeException;
}
