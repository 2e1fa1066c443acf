package io.drover.gate;

/** What the check of one application found, and whether asking Argo CD to refresh it would help. */
record Finding(Verdict verdict, String reason, boolean refresh) {

    static Finding passed(String reason) {
        return new Finding(Verdict.PASSED, reason, false);
    }

    static Finding waiting(String reason) {
        return new Finding(Verdict.WAITING, reason, false);
    }

    /** Waiting on something a refresh makes Argo CD look at now, instead of at its next poll. */
    static Finding waitingForRefresh(String reason) {
        return new Finding(Verdict.WAITING, reason, true);
    }

    static Finding failed(String reason) {
        return new Finding(Verdict.FAILED, reason, false);
    }
}
