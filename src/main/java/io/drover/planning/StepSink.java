package io.drover.planning;

/**
 * Receives a plan as the planner makes it: the header once, then each step as soon as it is
 * planned and checked, in order. The planner keeps nothing of a step once handed over, so what a
 * plan costs in memory is what the sink chooses to keep.
 */
public interface StepSink {

    /** Called once, before any step: what the plan starts from. */
    void start(PlanStart start);

    /** Called for each step, in order, once it is planned and its state passed the capacity rule. */
    void step(Step step);
}
