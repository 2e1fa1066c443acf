package io.drover.testing.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Renders the stub's state as GitHub's JSON, starting each time from GitHub's own example in the
 * description and changing only what the state decides. The examples are about
 * {@code octocat/Hello-World} on api.github.com; {@link #rebase} moves every URL and name in them
 * to this stub's repository and address, so links the client follows (a pull request's
 * {@code url}, which {@code refresh()} fetches) come back here.
 */
final class GitHubJson {

    private static final String EXAMPLE_API = "https://api.github.com";
    private static final String EXAMPLE_REPOSITORY = "octocat/Hello-World";

    final String apiUrl;
    final String owner;
    final String name;

    GitHubJson(String apiUrl, String owner, String name) {
        this.apiUrl = apiUrl;
        this.owner = owner;
        this.name = name;
    }

    String fullName() {
        return owner + "/" + name;
    }

    /** {@code https://api.github.com/repos/owner/name} as served here. */
    String repositoryApiUrl() {
        return apiUrl + "/repos/" + fullName();
    }

    String repositoryHtmlUrl() {
        return "https://github.com/" + fullName();
    }

    /**
     * GET /repos/{owner}/{repo} is not in the cut-down description, so there is no example of its
     * own: the {@code repository} embedded in the pull-request example is a full repository object.
     */
    ObjectNode repository() {
        ObjectNode repository = (ObjectNode) GitHubDescription.objectExample("pull-request").path("base").path("repo");
        rebase(repository);
        repository.put("name", name);
        repository.put("full_name", fullName());
        ((ObjectNode) repository.path("owner")).put("login", owner);
        repository.put("default_branch", StubGitHub.DEFAULT_BRANCH);
        // The example's token may only pull; Drover's token pushes branches.
        ObjectNode permissions = (ObjectNode) repository.path("permissions");
        permissions.put("admin", false).put("push", true).put("pull", true);
        return repository;
    }

    ObjectNode label(String labelName) {
        ObjectNode label = (ObjectNode) GitHubDescription.example("label-items").get(0);
        rebase(label);
        label.put("id", 208_045_000L + Math.abs(labelName.hashCode() % 1_000_000));
        label.put("node_id", "LA_stub_" + Integer.toHexString(labelName.hashCode()));
        label.put("url", repositoryApiUrl() + "/labels/" + URLEncoder.encode(labelName, StandardCharsets.UTF_8).replace("+", "%20"));
        label.put("name", labelName);
        // GitHub sends null for a label made by adding it to an issue, and the label schema allows
        // it, but pull-request-simple's inline label schema does not: an empty text fits both.
        label.put("description", "");
        label.put("color", "ededed"); // GitHub's colour for a label created by adding it to an issue
        label.put("default", false);
        return label;
    }

    ArrayNode labels(List<String> names) {
        ArrayNode labels = GitHubDescription.JSON.createArrayNode();
        names.forEach(labelName -> labels.add(label(labelName)));
        return labels;
    }

    ObjectNode status(String sha, String state, String context, String description) {
        ObjectNode json = GitHubDescription.objectExample("status");
        rebase(json);
        json.put("url", repositoryApiUrl() + "/statuses/" + sha);
        json.put("state", state);
        json.put("context", context);
        json.put("description", description);
        json.putNull("target_url");
        return json;
    }

    ObjectNode issueComment(int issueNumber, PullRequestState.Comment comment) {
        ObjectNode json = GitHubDescription.objectExample("issue-comment");
        rebase(json);
        json.put("id", comment.id());
        json.put("node_id", "IC_stub_" + comment.id());
        json.put("url", repositoryApiUrl() + "/issues/comments/" + comment.id());
        json.put("html_url", repositoryHtmlUrl() + "/pull/" + issueNumber + "#issuecomment-" + comment.id());
        json.put("issue_url", repositoryApiUrl() + "/issues/" + issueNumber);
        json.put("body", comment.body());
        json.put("created_at", timestamp(comment.createdAt()));
        json.put("updated_at", timestamp(comment.createdAt()));
        return json;
    }

    /** The {@code rate-limit-overview}: {@code core} (and the deprecated top-level {@code rate}) from the stub's budget. */
    ObjectNode rateLimit(int limit, int used, long resetEpochSeconds) {
        ObjectNode json = GitHubDescription.objectExample("rate-limit-overview");
        for (ObjectNode core : List.of((ObjectNode) json.path("resources").path("core"), (ObjectNode) json.path("rate"))) {
            core.put("limit", limit).put("used", used).put("remaining", limit - used).put("reset", resetEpochSeconds);
        }
        return json;
    }

    /** GitHub's timestamps: ISO 8601, UTC, whole seconds. */
    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static void putTimestamp(ObjectNode json, String field, Instant instant) {
        if (instant == null) {
            json.putNull(field);
        } else {
            json.put(field, timestamp(instant));
        }
    }

    /** Moves every text in an example from octocat/Hello-World on api.github.com to this stub. */
    void rebase(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : List.copyOf(object.properties())) {
                if (field.getValue().isTextual()) {
                    object.put(field.getKey(), rebase(field.getValue().textValue()));
                } else {
                    rebase(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(rebase(array.get(i).textValue())));
                } else {
                    rebase(array.get(i));
                }
            }
        }
    }

    private String rebase(String text) {
        return text.replace(EXAMPLE_REPOSITORY, fullName()).replace(EXAMPLE_API, apiUrl);
    }
}
