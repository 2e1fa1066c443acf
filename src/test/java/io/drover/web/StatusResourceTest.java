package io.drover.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.drover.service.ReconcileService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status page and its JSON show what the last pass saw, and never let text from the forge become markup. */
@QuarkusTest
class StatusResourceTest {

    @Inject
    ReconcileService service;

    @BeforeEach
    void publish() {
        service.statusBoard().accept(StatusViews.gatingAndPaused());
    }

    @Test
    void theJsonListsEveryStepWithItsStateThePrTheGateAndThePause() {
        given().get("/api/rollouts").then().statusCode(200).contentType("application/json")
                .body("rollouts", hasSize(1))
                .body("rollouts[0].rollout", equalTo("production-1-31"))
                .body("rollouts[0].steps.state", org.hamcrest.Matchers.contains("gating", "PR open", "planned"))
                .body("rollouts[0].steps[1].pr.url", equalTo("https://github.example/acme/fleet/pull/8"))
                .body("rollouts[0].openPr.number", equalTo(8))
                .body("rollouts[0].gate.apps.health", org.hamcrest.Matchers.contains("Healthy", "Progressing"))
                .body("rollouts[0].pause.paused", equalTo(true))
                .body("rollouts[0].pause.by", equalTo(StatusViews.HOSTILE_LOGIN))
                .body("rollouts[0].nextAt", equalTo("2026-12-04T03:15:00Z"));
    }

    @Test
    void thePageShowsStepsGateAndPauseAndEscapesOutsidersText() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("production-1-31"), containsString("PR open"), containsString("gating"),
                        containsString("prod-euw-03-shop"), containsString("Progressing"),
                        containsString("href=\"https://github.example/acme/fleet/pull/8\""),
                        containsString("&lt;script&gt;"), containsString("&lt;b&gt;mallory&lt;/b&gt;"))
                .body(not(containsString("<script>")), not(containsString("<b>mallory")), not(containsString("<img src=x")));
    }
}
