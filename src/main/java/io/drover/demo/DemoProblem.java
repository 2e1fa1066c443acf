package io.drover.demo;

/** The demo cannot start or cannot go on: the message says what and where. */
public final class DemoProblem extends Exception {

    public DemoProblem(String message) {
        super(message);
    }

    public DemoProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
