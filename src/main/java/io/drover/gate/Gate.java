package io.drover.gate;

import io.drover.model.Fleet;
import io.drover.model.StepKind;
import java.time.Duration;
import java.util.List;

/** What must hold after a step is merged before the next one is proposed (Argo CD health, say). */
public interface Gate {

    Result check(Request request);

    /**
     * What the gate will wait for after a step of this kind on these clusters is merged, in the
     * words of the step's pull request ("Drover waits for ..."); {@code after} is the fleet with the
     * step applied.
     */
    String waitsFor(StepKind kind, List<String> clusters, Fleet before, Fleet after);

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
