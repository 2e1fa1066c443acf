package io.drover.cli;

/** How much of each step's changes the text plan shows. */
enum DiffMode {
    /** The files and what happens to each. */
    none,
    /** The files with the lines added and removed, like {@code git diff --stat}. */
    stat,
    /** The files with their counts, then the unified diff. */
    full;

    /** Longer plans get {@link #stat} unless asked otherwise: whole diffs of every step bury the overview. */
    static final int FULL_UP_TO_STEPS = 10;

    static DiffMode orDefault(DiffMode chosen, int steps) {
        if (chosen != null) {
            return chosen;
        }
        return steps <= FULL_UP_TO_STEPS ? full : stat;
    }
}
