package io.drover.chatops;

import java.util.Optional;

/** A ChatOps command read from a comment: what a human asked Drover to do with a rollout. */
public sealed interface Command {

    /** The verb as typed in lower case: pause, resume, skip, retry, abort, status, help. */
    String verb();

    record Pause(Optional<String> reason) implements Command {
        public String verb() {
            return "pause";
        }
    }

    record Resume() implements Command {
        public String verb() {
            return "resume";
        }
    }

    /** Skip the current step, or the named one. */
    record Skip(Optional<String> stepId) implements Command {
        public String verb() {
            return "skip";
        }
    }

    record Retry() implements Command {
        public String verb() {
            return "retry";
        }
    }

    record Abort(Optional<String> reason) implements Command {
        public String verb() {
            return "abort";
        }
    }

    record Status() implements Command {
        public String verb() {
            return "status";
        }
    }

    record Help() implements Command {
        public String verb() {
            return "help";
        }
    }

    /** {@code /drover <verb>} with a verb Drover does not know; the nearest known verb, if one is close. */
    record Unknown(String verb, Optional<String> didYouMean) implements Command {
    }

    /** A known verb with arguments it does not take; {@code usage} says how it is written. */
    record Malformed(String verb, String problem, String usage) implements Command {
    }
}
