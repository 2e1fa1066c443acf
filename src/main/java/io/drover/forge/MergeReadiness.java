package io.drover.forge;

/** Whether the forge would merge a pull request now: no conflicts and the required checks green. */
public record MergeReadiness(boolean mergeable, String reason) {
    public static MergeReadiness ready() {
        return new MergeReadiness(true, "mergeable, required checks green");
    }

    public static MergeReadiness notYet(String reason) {
        return new MergeReadiness(false, reason);
    }
}
