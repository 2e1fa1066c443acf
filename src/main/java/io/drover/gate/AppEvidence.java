package io.drover.gate;

/**
 * What the gate saw of one application and what it made of it, in the words a reviewer reads:
 * Argo CD's sync status, health, the fleet-repo revision it runs and its message ("" when Argo CD
 * gave none, or the application could not be seen).
 */
public record AppEvidence(String application, String cluster, Verdict verdict, String reason,
        String syncStatus, String health, String revision, String message) {
}
