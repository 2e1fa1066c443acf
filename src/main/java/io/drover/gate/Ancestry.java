package io.drover.gate;

/**
 * Git history as the gate needs it, answered by the reconciler from its clone. Argo CD may
 * already run a commit after the merge (someone merged again meanwhile); that counts as the merge.
 */
@FunctionalInterface
public interface Ancestry {

    /** Whether {@code revision} is {@code merge} or has it in its history; false when Git does not know either. */
    boolean isDescendantOrSame(String revision, String merge);
}
