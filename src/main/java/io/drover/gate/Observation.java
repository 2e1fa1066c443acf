package io.drover.gate;

/** One look at one Application in Argo CD. */
public sealed interface Observation {

    record Found(ApplicationState state) implements Observation {
    }

    /** Argo CD says the Application does not exist (a 404 of its own, not a proxy's). */
    record Absent() implements Observation {
    }

    /** Argo CD could not be asked or its answer not read: never a reason to pass. */
    record Unreadable(String reason) implements Observation {
    }
}
