package io.drover.demo;

import io.drover.reconcile.Outcome;

/** One reconcile pass of the demo's rollout, as the demo's loop runs it: the rollout's outcome. */
@FunctionalInterface
interface PassRunner {
    Outcome pass() throws InterruptedException;
}
