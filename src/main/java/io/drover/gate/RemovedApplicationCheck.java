package io.drover.gate;

import io.drover.model.ExpectedApplication;

/**
 * Judges an application that must be gone: only Argo CD's own "not found" passes; while its
 * finalizers run (a deletion timestamp) it still counts as present.
 */
final class RemovedApplicationCheck {

    Finding check(ExpectedApplication app, Observation observation) {
        if (observation instanceof Observation.Unreadable unreadable) {
            return Finding.waiting(unreadable.reason());
        }
        if (observation instanceof Observation.Absent) {
            return Finding.passed("gone");
        }
        ApplicationState state = ((Observation.Found) observation).state();
        if (state.deletionTimestamp().isPresent()) {
            return Finding.waiting("being deleted since " + state.deletionTimestamp().get()
                    + "; its finalizers are still removing the cluster's resources");
        }
        return Finding.waiting("still present; ApplicationSet " + app.applicationSet() + " deletes it once it no longer "
                + "generates it, unless its syncPolicy keeps applications (applicationsSync create-only or create-update)");
    }
}
