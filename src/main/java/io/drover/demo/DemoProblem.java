package io.drover.demo;

/**
 * The demo cannot start, or stopped on the way: the message says what and where. {@code stopped}
 * tells the second from the first (a fleet directory that cannot be read, say).
 */
public final class DemoProblem extends Exception {

    private final boolean stopped;

    public DemoProblem(String message) {
        this(message, null, false);
    }

    public DemoProblem(String message, Throwable cause) {
        this(message, cause, false);
    }

    private DemoProblem(String message, Throwable cause, boolean stopped) {
        super(message, cause);
        this.stopped = stopped;
    }

    /** The demo started and could not go on. */
    static DemoProblem stopped(String message, Throwable cause) {
        return new DemoProblem(message, cause, true);
    }

    public boolean stopped() {
        return stopped;
    }
}
