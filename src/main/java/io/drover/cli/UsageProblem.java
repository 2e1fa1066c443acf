package io.drover.cli;

/** A mistake in how a command was called; its message says what was wrong and what to do instead. */
final class UsageProblem extends Exception {

    UsageProblem(String message) {
        super(message);
    }
}
