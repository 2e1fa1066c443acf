package io.drover.policy;

import io.drover.model.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** A policy file that cannot be used; carries every problem found in it. */
public final class InvalidPolicyException extends Exception {

    private final List<Problem> problems;

    public InvalidPolicyException(List<Problem> problems) {
        super("invalid policy:\n" + problems.stream().map(p -> "  " + p.toString().replace("\n", "\n  "))
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
