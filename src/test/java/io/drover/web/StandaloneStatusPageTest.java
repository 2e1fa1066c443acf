package io.drover.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.service.ReconcileService;
import io.drover.status.StatusPage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The status page as {@code drover demo} renders it without the Quarkus container is the page
 * {@code drover serve} answers, byte for byte, and escapes outsiders' text the same way.
 */
@QuarkusTest
class StandaloneStatusPageTest {

    @Inject
    ReconcileService service;

    @Test
    void theDemosPageIsTheServicesPage() {
        service.statusBoard().accept(StatusViews.gatingAndPaused());

        String served = given().get("/").then().statusCode(200).extract().asString();
        String standalone = new StatusPage().render(service.statusBoard().rollouts());

        assertThat(standalone).isEqualTo(served);
        assertThat(standalone).contains("&lt;script&gt;", "&lt;b&gt;mallory&lt;/b&gt;", "prod-euw-03-shop")
                .doesNotContain("<script>", "<b>mallory", "<img src=x");
    }
}
