package io.drover.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** GitHub's published test vector ("Validating webhook deliveries"). */
    private static final String SECRET = "It's a Secret to Everybody";
    private static final byte[] PAYLOAD = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void matchesGitHubsTestVector() {
        assertThat(WebhookSignature.sign(SECRET, PAYLOAD)).isEqualTo(SIGNATURE);
        assertThat(WebhookSignature.valid(SECRET, PAYLOAD, SIGNATURE)).isTrue();
    }

    @Test
    void refusesForgedMissingAndUnsecuredDeliveries() {
        assertThat(WebhookSignature.valid(SECRET, "Hello, World?".getBytes(StandardCharsets.UTF_8), SIGNATURE)).isFalse();
        assertThat(WebhookSignature.valid("another secret", PAYLOAD, SIGNATURE)).isFalse();
        assertThat(WebhookSignature.valid(SECRET, PAYLOAD, SIGNATURE.replace("sha256=", "sha1="))).isFalse();
        assertThat(WebhookSignature.valid(SECRET, PAYLOAD, null)).isFalse();
        assertThat(WebhookSignature.valid(null, PAYLOAD, SIGNATURE)).isFalse();
        assertThat(WebhookSignature.valid("", PAYLOAD, SIGNATURE)).isFalse();
    }
}
