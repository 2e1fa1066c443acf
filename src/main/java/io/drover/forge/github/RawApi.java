package io.drover.forge.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * The few requests whose answers hold fields the library drops ({@code role_name} of a
 * permission, {@code performed_via_github_app} of a comment, a reaction's 200-or-201), or that it
 * has no call for (removing one label; the token's user without a GET at start-up; a team
 * membership with its state), sent
 * through the adapter's own connector with the same token and timeout. Failures are
 * {@link HttpException}s as the library's are; a Retry-After becomes {@link RetryLater}.
 */
final class RawApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    private final GitHubConnector connector;
    private final String apiUrl;
    private final String token;

    RawApi(GitHubConnector connector, String apiUrl, String token) {
        this.connector = connector;
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        this.token = token;
    }

    /** The answer to a GET of {@code path}; empty on 404. */
    Optional<JsonNode> find(String path) throws IOException {
        Answer answer = send("GET", new URL(apiUrl + path), null);
        return answer.status == 404 ? Optional.empty() : Optional.of(answer.require(200).body);
    }

    /** Every item of a listing, following GitHub's {@code Link: rel="next"}. */
    List<JsonNode> list(String path) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        URL url = new URL(apiUrl + path);
        while (url != null) {
            Answer answer = send("GET", url, null).require(200);
            answer.body.forEach(items::add);
            Matcher next = NEXT.matcher(Optional.ofNullable(answer.link).orElse(""));
            url = next.find() ? new URL(next.group(1)) : null;
        }
        return items;
    }

    /** POSTs {@code body} and answers the status, which must be one of {@code expected}. */
    int post(String path, Map<String, String> body, int... expected) throws IOException {
        Answer answer = send("POST", new URL(apiUrl + path), JSON.writeValueAsBytes(body));
        for (int status : expected) {
            if (answer.status == status) {
                return status;
            }
        }
        throw answer.failure();
    }

    /** DELETEs {@code path} and answers the status, which must be one of {@code expected}. */
    int delete(String path, int... expected) throws IOException {
        Answer answer = send("DELETE", new URL(apiUrl + path), null);
        for (int status : expected) {
            if (answer.status == status) {
                return status;
            }
        }
        throw answer.failure();
    }

    private Answer send(String method, URL url, byte[] body) throws IOException {
        try (GitHubConnectorResponse response = connector.send(new Request(method, url, body, Map.of(
                "Authorization", List.of("token " + token),
                "Accept", List.of("application/vnd.github+json"),
                "Content-Type", List.of("application/json; charset=utf-8"))))) {
            byte[] bytes;
            try (InputStream in = response.bodyStream()) {
                bytes = in == null ? new byte[0] : in.readAllBytes();
            }
            String retryAfter = response.header("Retry-After");
            if ((response.statusCode() == 403 || response.statusCode() == 429) && retryAfter != null && retryAfter.matches("\\d+")) {
                throw new RetryLater("GitHub asked to wait (HTTP " + response.statusCode() + ")",
                        Duration.ofSeconds(Long.parseLong(retryAfter)));
            }
            JsonNode json = bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes);
            return new Answer(method, url, response.statusCode(), json, response.header("Link"));
        }
    }

    private record Answer(String method, URL url, int status, JsonNode body, String link) {
        Answer require(int expected) throws HttpException {
            if (status != expected) {
                throw failure();
            }
            return this;
        }

        HttpException failure() {
            return new HttpException(method + " " + url.getPath() + ": " + body.path("message").asText("no message"), status,
                    null, url.toString());
        }
    }

    private record Request(String method, URL url, byte[] payload, Map<String, List<String>> allHeaders)
            implements GitHubConnectorRequest {
        @Override
        public String header(String name) {
            return allHeaders.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(h -> String.join(",", h.getValue())).findFirst().orElse(null);
        }

        @Override
        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public InputStream body() {
            return payload == null ? null : new ByteArrayInputStream(payload);
        }

        @Override
        public boolean hasBody() {
            return payload != null;
        }
    }

    static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.path(field).textValue() : null;
    }
}
