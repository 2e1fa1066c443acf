package io.drover.fleet;

import io.drover.model.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** The fleet repository cannot be used as it is; carries every problem found. */
public final class InvalidFleetException extends Exception {

    private final List<Problem> problems;

    public InvalidFleetException(List<Problem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the fleet repository:\n"
                + problems.stream().map(p -> "  " + p.toString().replace("\n", "\n  ")).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
