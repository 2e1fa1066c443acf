package io.drover.fleet;

import io.drover.model.Problem;
import io.drover.model.Rollout;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The fleet repository cannot be used as it is; carries every problem found. */
public final class InvalidFleetException extends Exception {

    private final List<Problem> problems;
    private final SortedMap<String, Rollout> rollouts;

    public InvalidFleetException(List<Problem> problems) {
        this(problems, Collections.emptySortedMap());
    }

    /** {@code rollouts}: those that read without a problem, so that their policies can be checked in the same pass. */
    public InvalidFleetException(List<Problem> problems, SortedMap<String, Rollout> rollouts) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the fleet repository:\n"
                + problems.stream().map(p -> "  " + p.toString().replace("\n", "\n  ")).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
        this.rollouts = Collections.unmodifiableSortedMap(new TreeMap<>(rollouts));
    }

    public SortedMap<String, Rollout> rollouts() {
        return rollouts;
    }

    public List<Problem> problems() {
        return problems;
    }
}
