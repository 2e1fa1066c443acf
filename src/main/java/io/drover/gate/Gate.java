package io.drover.gate;

import io.drover.model.StepKind;
import java.time.Duration;
import java.util.List;

/** What must hold after a step is merged before the next one is proposed (Argo CD health, say). */
public interface Gate {

    Result check(Request request);

    /** The merged step: its rollout, id, kind, the clusters it touched and the revision that merged it. */
    record Request(String rollout, String stepId, StepKind kind, List<String> clusters, String mergeRevision) {
        public Request {
            clusters = List.copyOf(clusters);
        }
    }

    sealed interface Result {
        record Passed(String detail) implements Result {
        }

        record Waiting(String reason, Duration retryAfter) implements Result {
        }

        record Failed(String reason) implements Result {
        }
    }
}
