package io.drover.planning;

import io.drover.model.FileChange;
import io.drover.model.StepKind;
import java.util.List;

/** A step a strategy decided on, before its file changes are known. One class per step kind. */
public interface StepAction {

    StepKind kind();

    /** The clusters the step is about, in a stable order. */
    List<String> clusters();

    /** Stable across re-planning; used in branch names, so only {@code [a-z0-9.+-]}. */
    String id();

    String title();

    String summary(PlanningContext context);

    List<FileChange> changes(PlanningContext context) throws PlanRefusedException;
}
