package io.drover.gate;

import io.drover.model.Fleet;
import io.drover.model.StepKind;
import java.time.Duration;
import java.util.List;

/** What must hold after a step is merged before the next one is proposed (Argo CD health, say). */
public interface Gate {

    Result check(Request request);

    /**
     * The merged step: its rollout, id, kind, the clusters it touched and the revision that merged
     * it, with the fleet just before and at that revision (a retired cluster's applications are
     * known only from the fleet before its retirement) and Git's answer to "is this revision the
     * merge or a later commit".
     */
    record Request(String rollout, String stepId, StepKind kind, List<String> clusters, String mergeRevision,
            Fleet fleetBefore, Fleet fleetAtMerge, Ancestry ancestry) {
        public Request {
            clusters = List.copyOf(clusters);
        }

        /**
         * Without the fleets and ancestry: enough for {@link NoHealthGate} only. Kept for the
         * reconciler until it passes them (issue 7); a gate that looks at Argo CD refuses such a request.
         */
        @Deprecated(forRemoval = true)
        public Request(String rollout, String stepId, StepKind kind, List<String> clusters, String mergeRevision) {
            this(rollout, stepId, kind, clusters, mergeRevision, null, null, null);
        }
    }

    /** Each result carries what was seen per application, for comments and commit statuses. */
    sealed interface Result {
        List<AppEvidence> evidence();

        record Passed(String detail, List<AppEvidence> evidence) implements Result {
            public Passed {
                evidence = List.copyOf(evidence);
            }
        }

        record Waiting(String reason, Duration retryAfter, List<AppEvidence> evidence) implements Result {
            public Waiting {
                evidence = List.copyOf(evidence);
            }
        }

        record Failed(String reason, List<AppEvidence> evidence) implements Result {
            public Failed {
                evidence = List.copyOf(evidence);
            }
        }
    }
}
