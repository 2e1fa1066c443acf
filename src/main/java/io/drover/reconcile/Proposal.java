package io.drover.reconcile;

import io.drover.planning.Step;
import java.util.List;

/** The next step of a rollout as Drover would propose it: the step, its branch, labels and texts. */
record Proposal(Step step, String branch, List<String> labels, StepTexts texts) {

    Proposal {
        labels = List.copyOf(labels);
    }

    String stepId() {
        return step.id();
    }

    String numbered() {
        return "step " + texts.number() + "/" + texts.total() + " " + step.id();
    }
}
