package io.drover.gate;

/** Where one application, or the whole gate, stands. */
public enum Verdict {
    PASSED, WAITING, FAILED
}
