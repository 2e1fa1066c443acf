package io.drover.git;

/** The fleet repository could not be read or written; the message says which and why. */
public final class GitFailure extends Exception {
    public GitFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public GitFailure(String message) {
        super(message);
    }
}
