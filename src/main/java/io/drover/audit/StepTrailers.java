package io.drover.audit;

import io.drover.audit.AuditEvent.Position;
import io.drover.audit.AuditEvent.StepRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The step a commit message names with Drover's trailers (Drover-Rollout, Drover-Step: k/n kind,
 * Drover-Step-Id). Found anywhere in the message, not only in Git's trailer block, so they are
 * found in a squash merge's bullet list too; a squash of several step commits names several steps.
 */
record StepTrailers(String rollout, StepRef step) {

    private static final Pattern ROLLOUT = Pattern.compile("(?m)Drover-Rollout: (\\S+)$");
    private static final Pattern STEP = Pattern.compile("(?m)Drover-Step: (\\d{1,6})/(\\d{1,6}) (\\S+)$");
    private static final Pattern STEP_ID = Pattern.compile("(?m)Drover-Step-Id: (\\S+)$");

    /** The steps a message names, in the order it names them. */
    static List<StepTrailers> in(String message) {
        List<Integer> starts = new ArrayList<>();
        Matcher rollouts = ROLLOUT.matcher(message);
        while (rollouts.find()) {
            starts.add(rollouts.start());
        }
        if (starts.size() <= 1) {
            // One step: its trailers may come in any order.
            return of(message).stream().toList();
        }
        List<StepTrailers> steps = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : message.length();
            of(message.substring(starts.get(i), end)).ifPresent(steps::add);
        }
        return steps;
    }

    private static Optional<StepTrailers> of(String text) {
        Matcher rollout = ROLLOUT.matcher(text);
        Matcher step = STEP.matcher(text);
        Matcher id = STEP_ID.matcher(text);
        if (!rollout.find() || !step.find() || !id.find()) {
            return Optional.empty();
        }
        Position position = new Position(Integer.parseInt(step.group(1)), Integer.parseInt(step.group(2)));
        return Optional.of(new StepTrailers(rollout.group(1), new StepRef(id.group(1), Optional.of(step.group(3)), Optional.of(position))));
    }
}
