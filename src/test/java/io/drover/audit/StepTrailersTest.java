package io.drover.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.audit.AuditEvent.StepRef;
import org.junit.jupiter.api.Test;

class StepTrailersTest {

    @Test
    void aStepCommitsTrailersNameItsRolloutStepKindAndPlace() {
        assertThat(StepTrailers.in("Add cluster prod-euw-03\n\nWhy.\n\nDrover-Rollout: production-1-31\nDrover-Step: 1/32 add-cluster\n"
                + "Drover-Step-Id: add-prod-euw-03\nDrover-Plan: 0123\n"))
                .containsExactly(new StepTrailers("production-1-31", StepRef.of("add-prod-euw-03", "add-cluster", 1, 32)));
    }

    @Test
    void oneStepsTrailersMayComeInAnyOrder() {
        assertThat(StepTrailers.in("Title\n\nDrover-Step-Id: add-prod-euw-03\nDrover-Step: 1/32 add-cluster\nDrover-Rollout: production-1-31\n"))
                .containsExactly(new StepTrailers("production-1-31", StepRef.of("add-prod-euw-03", "add-cluster", 1, 32)));
    }

    @Test
    void aSquashOfTwoStepCommitsNamesBothInTheirOrder() {
        String message = "Two steps (#20)\n\n"
                + "* Shift traffic: prod-euw-03 to 50%\n\nDrover-Rollout: production-1-31\nDrover-Step: 5/32 shift-traffic\n"
                + "Drover-Step-Id: shift-prod-euw-03-50\n\n"
                + "* Shift traffic: prod-euw-03 to 100%\n\nDrover-Rollout: production-1-31\nDrover-Step: 6/32 shift-traffic\n"
                + "Drover-Step-Id: shift-prod-euw-03-100\n";

        assertThat(StepTrailers.in(message)).extracting(t -> t.step().id()).containsExactly("shift-prod-euw-03-50", "shift-prod-euw-03-100");
    }

    @Test
    void aRollbackOrAMessageWithoutAllThreeTrailersNamesNoStep() {
        assertThat(StepTrailers.in("Roll back add-prod-euw-03\n\nDrover-Rollout: production-1-31\nDrover-Rollback: add-prod-euw-03\n")).isEmpty();
        assertThat(StepTrailers.in("Bump shop to 2.4.1")).isEmpty();
        assertThat(StepTrailers.in("Drover-Rollout: p\nDrover-Step: 99999999999/2 add-cluster\nDrover-Step-Id: x\n")).isEmpty();
    }
}
