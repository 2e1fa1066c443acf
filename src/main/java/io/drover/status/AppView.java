package io.drover.status;

/** One application the gate looks at, with what Argo CD reported of it and the gate's verdict. */
public record AppView(String application, String cluster, String sync, String health, String verdict) {
}
