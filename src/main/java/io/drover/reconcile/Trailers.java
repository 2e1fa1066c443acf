package io.drover.reconcile;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trailers of a step commit, which make history readable to auditors and tell Drover which
 * steps are merged. Found anywhere in a message, so they survive a squash merge's bullet list.
 */
record Trailers(String rollout, String stepId, String kind, List<String> clusters) {

    private static final Pattern ROLLOUT = Pattern.compile("(?m)Drover-Rollout: (\\S+)$");
    private static final Pattern STEP = Pattern.compile("(?m)Drover-Step: \\d+/\\d+ (\\S+)$");
    private static final Pattern STEP_ID = Pattern.compile("(?m)Drover-Step-Id: (\\S+)$");
    /** The clusters the step touched; older step commits lack it, and the gate then re-plans to find them. */
    private static final Pattern CLUSTERS = Pattern.compile("(?m)Drover-Clusters: (.+)$");

    Trailers {
        clusters = List.copyOf(clusters);
    }

    private static final Pattern AUTO_MERGED = Pattern.compile("(?m)^Drover-Auto-Merged: ");

    /** The trailer Drover gives a merge commit when it merged the step itself, policy allowing. */
    static String autoMergedBy(String policy) {
        return "Drover-Auto-Merged: policy " + policy;
    }

    static boolean autoMerged(String mergeMessage) {
        return AUTO_MERGED.matcher(mergeMessage).find();
    }

    static Optional<Trailers> of(String message) {
        Matcher rollout = ROLLOUT.matcher(message);
        Matcher step = STEP.matcher(message);
        Matcher id = STEP_ID.matcher(message);
        if (rollout.find() && step.find() && id.find()) {
            Matcher clusters = CLUSTERS.matcher(message);
            List<String> touched = clusters.find()
                    ? Arrays.stream(clusters.group(1).split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList()
                    : List.of();
            return Optional.of(new Trailers(rollout.group(1), id.group(1), step.group(1), touched));
        }
        return Optional.empty();
    }
}
