package io.drover.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.drover.service.ReconcileService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The metrics and the probes over real HTTP, as Prometheus and the kubelet see them. The test
 * profile sets no fleet repo: the service is live but not ready, and says what is missing.
 */
@QuarkusTest
class OperationsEndpointsTest {

    @Inject
    ReconcileService service;

    @Test
    void prometheusScrapesDroversMetricsWithTheRolloutsAsTheBoardShowsThem() {
        service.statusBoard().accept(StatusViews.gatingAndPaused());

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("drover_rollouts{state=\"paused\"} 1.0"),
                        containsString("drover_steps{state=\"gating\"} 1.0"),
                        containsString("drover_steps{state=\"pr_open\"} 1.0"),
                        containsString("drover_github_rate_limit_remaining -1.0"),
                        containsString("drover_leader 1.0"),
                        containsString("# TYPE drover_gate_wait_seconds histogram"));
    }

    @Test
    void liveButNotReadyWithoutSettingsAndTheReasonIsInTheAnswer() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"))
                .body("checks[0].data.detail", containsString("not configured: set drover.repo.url"));
    }
}
