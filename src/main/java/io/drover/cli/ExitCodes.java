package io.drover.cli;

/** Process exit codes, documented in {@code drover --help}. */
final class ExitCodes {
    static final int OK = 0;
    static final int INVALID_INPUT = 1;
    static final int USAGE = 2;
    static final int PLAN_REFUSED = 3;
    static final int BUILD_FAILED = 4;
    static final int DEMO_FAILED = 5;
    static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
