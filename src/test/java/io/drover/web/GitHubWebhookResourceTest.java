package io.drover.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.drover.service.ReconcileService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GitHubWebhookResourceTest {

    private static final String SECRET = "It's a Secret to Everybody";
    private static final String PUSH = "{\"ref\":\"refs/heads/main\",\"after\":\"0000000000000000000000000000000000000000\"}";

    @Inject
    ReconcileService service;

    @Test
    void aSignedNewDeliveryTriggersOnePass() {
        int before = service.triggerCount();
        String delivery = UUID.randomUUID().toString();

        send(PUSH, WebhookSignature.sign(SECRET, bytes(PUSH)), delivery).then().statusCode(202);

        assertThat(service.triggerCount()).isEqualTo(before + 1);
    }

    @Test
    void aRepeatedDeliveryIsDroppedAndTriggersNothing() {
        String delivery = UUID.randomUUID().toString();
        String signature = WebhookSignature.sign(SECRET, bytes(PUSH));
        send(PUSH, signature, delivery).then().statusCode(202);
        int before = service.triggerCount();

        send(PUSH, signature, delivery).then().statusCode(200).body(containsString("duplicate"));

        assertThat(service.triggerCount()).isEqualTo(before);
    }

    @Test
    void badOrMissingSignaturesAre401AndTriggerNothing() {
        int before = service.triggerCount();
        String forged = WebhookSignature.sign("guessed", bytes(PUSH));

        send(PUSH, forged, UUID.randomUUID().toString()).then().statusCode(401);
        send(PUSH, null, UUID.randomUUID().toString()).then().statusCode(401);
        // A body changed after signing: the signature is over the raw bytes.
        send(PUSH.replace("main", "evil"), WebhookSignature.sign(SECRET, bytes(PUSH)), UUID.randomUUID().toString())
                .then().statusCode(401);
        send("{not json", "sha256=00", UUID.randomUUID().toString()).then().statusCode(401);

        assertThat(service.triggerCount()).isEqualTo(before);
    }

    @Test
    void aForgedDeliveryCannotUseUpADeliveryId() {
        String delivery = UUID.randomUUID().toString();
        send(PUSH, "sha256=" + "0".repeat(64), delivery).then().statusCode(401);

        send(PUSH, WebhookSignature.sign(SECRET, bytes(PUSH)), delivery).then().statusCode(202);
    }

    private static io.restassured.response.Response send(String body, String signature, String delivery) {
        var request = given().header("X-GitHub-Event", "push").header("X-GitHub-Delivery", delivery)
                .contentType("application/json").body(bytes(body));
        if (signature != null) {
            request = request.header("X-Hub-Signature-256", signature);
        }
        return request.post("/webhooks/github");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
