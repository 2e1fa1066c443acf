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

    /** {@code onIssue}: GitHub links a comment on an issue under /issues/, one on a pull request under /pull/. */
    ObjectNode issueComment(int issueNumber, boolean onIssue, PullRequestState.Comment comment) {
        ObjectNode json = GitHubDescription.objectExample("issue-comment");
        rebase(json);
        json.put("id", comment.id());
        json.put("node_id", "IC_stub_" + comment.id());
        json.put("url", repositoryApiUrl() + "/issues/comments/" + comment.id());
        json.put("html_url", repositoryHtmlUrl() + (onIssue ? "/issues/" : "/pull/") + issueNumber + "#issuecomment-" + comment.id());
        json.put("issue_url", repositoryApiUrl() + "/issues/" + issueNumber);
        json.put("body", comment.body());
        json.put("created_at", timestamp(comment.createdAt()));
        json.put("updated_at", timestamp(comment.updatedAt()));
        user((ObjectNode) json.path("user"), comment.author().id(), comment.author().login(), comment.author().bot());
        if (comment.author().viaApp()) {
            json.set("performed_via_github_app", app());
        }
        return json;
    }

    /**
     * An app as {@code performed_via_github_app} shows it. The description has no example of a
     * whole app, so it is made of the examples its schema gives for each field, owned by the
     * user of GitHub's examples.
     */
    private ObjectNode app() {
        ObjectNode app = GitHubDescription.JSON.createObjectNode();
        GitHubDescription.schema("nullable-integration").path("properties").properties().forEach(field -> {
            JsonNode example = field.getValue().path("example");
            if (!example.isMissingNode()) {
                app.set(field.getKey(), example.deepCopy());
            }
        });
        app.set("owner", GitHubDescription.objectExample("issue-comment").path("user"));
        return app;
    }

    /** Sets who a user is in one of GitHub's example users, with the URLs that name the login. */
    void user(ObjectNode user, long id, String login, boolean bot) {
        String exampleLogin = user.path("login").asText();
        for (Map.Entry<String, JsonNode> field : List.copyOf(user.properties())) {
            if (field.getValue().isTextual() && field.getKey().endsWith("url") && !field.getKey().equals("avatar_url")) {
                user.put(field.getKey(), field.getValue().textValue().replace("/" + exampleLogin,
                        "/" + URLEncoder.encode(login, StandardCharsets.UTF_8))); // a bot's [bot] is escaped
            }
        }
        user.put("login", login);
        user.put("id", id);
        user.put("node_id", "U_stub_" + id);
        user.put("type", bot ? "Bot" : "User");
    }

    ObjectNode issue(IssueState issue) {
        ObjectNode json = issue(issue.number, issue.title, issue.body, issue.open, issue.labels, issue.comments.size(),
                issue.createdAt, issue.updatedAt, issue.closedAt);
        json.remove("pull_request"); // an issue, not a pull request
        user((ObjectNode) json.path("user"), issue.author.id(), issue.author.login(), issue.author.bot());
        json.put("html_url", repositoryHtmlUrl() + "/issues/" + issue.number);
        return json;
    }

    /** A pull request as GET /issues/{number} shows it: an issue with a {@code pull_request} link. */
    ObjectNode issueOfPull(PullRequestState pr) {
        ObjectNode json = issue(pr.number, pr.title, pr.body, pr.open, pr.labels, pr.comments.size(), pr.createdAt,
                pr.updatedAt, pr.closedAt);
        String html = repositoryHtmlUrl() + "/pull/" + pr.number;
        json.put("html_url", html);
        ObjectNode link = (ObjectNode) json.path("pull_request");
        link.put("url", repositoryApiUrl() + "/pulls/" + pr.number);
        link.put("html_url", html);
        link.put("diff_url", html + ".diff");
        link.put("patch_url", html + ".patch");
        putTimestamp(link, "merged_at", pr.mergedAt);
        return json;
    }

    private ObjectNode issue(int number, String title, String body, boolean open, List<String> labelNames, int comments,
            java.time.Instant createdAt, java.time.Instant updatedAt, java.time.Instant closedAt) {
        ObjectNode json = GitHubDescription.objectExample("issue");
        rebase(json);
        String self = repositoryApiUrl() + "/issues/" + number;
        json.put("id", 1_000_000L + number);
        json.put("node_id", "I_stub_" + number);
        json.put("url", self);
        json.put("labels_url", self + "/labels{/name}");
        json.put("comments_url", self + "/comments");
        json.put("events_url", self + "/events");
        json.put("number", number);
        json.put("state", open ? "open" : "closed");
        if (open) {
            json.putNull("state_reason");
        } else {
            json.put("state_reason", "completed");
        }
        json.put("title", title);
        json.put("body", body);
        json.set("labels", labels(labelNames));
        json.putNull("assignee");
        json.putArray("assignees");
        json.putNull("milestone");
        json.put("comments", comments);
        putTimestamp(json, "closed_at", closedAt);
        json.putNull("closed_by");
        putTimestamp(json, "created_at", createdAt);
        putTimestamp(json, "updated_at", updatedAt);
        return json;
    }

    ObjectNode permission(StubGitHub.Collaborator collaborator) {
        ObjectNode json = GitHubDescription.objectExample("repository-collaborator-permission-response-if-user-has-admin-permissions");
        json.put("permission", collaborator.permission());
        json.put("role_name", collaborator.roleName());
        ObjectNode user = (ObjectNode) json.path("user");
        user(user, collaborator.id(), collaborator.login(), false);
        // The schema (a collaborator) requires the role here too; GitHub's example predates that.
        user.put("role_name", collaborator.roleName());
        return json;
    }

    ObjectNode reaction(long id, String content, java.time.Instant createdAt) {
        ObjectNode json = GitHubDescription.objectExample("reaction");
        json.put("id", id);
        json.put("node_id", "REA_stub_" + id);
        json.put("content", content);
        json.put("created_at", timestamp(createdAt));
        return json;
    }

    /** GET /user: the token's user, as GitHub answers a token that may read the private profile. */
    /** A team membership as GET /orgs/{org}/teams/{team_slug}/memberships/{username} answers it. */
    ObjectNode teamMembership(long teamId, String login, String state) {
        ObjectNode json = GitHubDescription.objectExample("team-membership-response-if-user-is-a-team-maintainer");
        json.put("url", apiUrl + "/teams/" + teamId + "/memberships/" + login);
        json.put("role", "member");
        json.put("state", state);
        return json;
    }

    ObjectNode authenticatedUser() {
        ObjectNode json = GitHubDescription.objectExample("private-user-response-with-public-and-private-profile-information");
        user(json, Commenter.TOKEN_USER.id(), Commenter.TOKEN_USER.login(), false);
        json.put("user_view_type", "private");
        // The contract check cannot load the operation's schema (see ContractCheck): checked here.
        GitHubDescription.schema("private-user").path("required").forEach(field -> {
            if (!json.has(field.asText())) {
                throw new IllegalStateException("GET /user answer lacks " + field.asText() + ", required by private-user");
            }
        });
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
