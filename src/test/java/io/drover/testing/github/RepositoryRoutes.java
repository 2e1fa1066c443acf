package io.drover.testing.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.drover.testing.github.Traffic.Reply;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The endpoints of the one repository: reads a request's path, query and body, asks the fake
 * repository, and renders its answer as GitHub's JSON. Any other path or method is a 404, as on
 * GitHub.
 */
final class RepositoryRoutes {

    private static final Pattern PULL = Pattern.compile("/pulls/(\\d+)");
    private static final Pattern MERGE = Pattern.compile("/pulls/(\\d+)/merge");
    private static final Pattern COMMENTS = Pattern.compile("/issues/(\\d+)/comments");
    private static final Pattern LABELS = Pattern.compile("/issues/(\\d+)/labels");
    private static final Pattern LABEL = Pattern.compile("/issues/(\\d+)/labels/(.+)");
    private static final Pattern ISSUE = Pattern.compile("/issues/(\\d+)");
    private static final Pattern REACTIONS = Pattern.compile("/issues/comments/(\\d+)/reactions");
    private static final Pattern PERMISSION = Pattern.compile("/collaborators/([^/]+)/permission");
    private static final Pattern STATUSES = Pattern.compile("/statuses/([0-9a-f]{40})");

    private final FakeRepository repository;
    private final GitHubJson json;
    private final PullRequestJson pullJson;

    RepositoryRoutes(FakeRepository repository, GitHubJson json) {
        this.repository = repository;
        this.json = json;
        this.pullJson = new PullRequestJson(json);
    }

    /** The answer to a request for this repository; throws {@link GitHubError} for GitHub's errors. */
    Reply answer(LoggedRequest request, String method, String path) {
        String prefix = "/repos/" + json.fullName();
        if (!path.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
            throw GitHubError.notFound();
        }
        String rest = path.substring(prefix.length());
        Matcher pull = PULL.matcher(rest);
        Matcher merge = MERGE.matcher(rest);
        Matcher comments = COMMENTS.matcher(rest);
        Matcher labels = LABELS.matcher(rest);
        Matcher label = LABEL.matcher(rest);
        Matcher statuses = STATUSES.matcher(rest);
        Matcher issue = ISSUE.matcher(rest);
        Matcher reactions = REACTIONS.matcher(rest);
        Matcher permission = PERMISSION.matcher(rest);
        String route = method + " " + (rest.isEmpty() ? "repo" : rest.equals("/pulls") ? "pulls"
                : pull.matches() ? "pull" : merge.matches() ? "merge" : comments.matches() ? "comments"
                : labels.matches() ? "labels" : label.matches() ? "label" : statuses.matches() ? "statuses" : rest.equals("/issues") ? "issues"
                : issue.matches() ? "issue" : reactions.matches() ? "reactions" : permission.matches() ? "permission"
                : "unknown");
        return switch (route) {
            case "GET repo" -> Reply.json(200, json.repository());
            case "GET pulls" -> listPulls(request);
            case "POST pulls" -> createPull(body(request));
            case "GET pull" -> Reply.json(200, pullJson.full(repository.get(number(pull))));
            case "PATCH pull" -> updatePull(number(pull), body(request));
            case "PUT merge" -> merge(number(merge), body(request));
            case "GET comments" -> listComments(number(comments), request);
            case "POST comments" -> createComment(number(comments), body(request));
            case "POST labels" -> addLabels(number(labels), body(request));
            case "POST statuses" -> createStatus(statuses.group(1), body(request));
            case "POST issues" -> createIssue(body(request));
            case "GET issues" -> listIssues(request);
            case "DELETE label" -> Reply.json(200, json.labels(repository.removeLabel(number(label), label.group(2))));
            case "GET issue" -> Reply.json(200, getIssue(number(issue)));
            case "PATCH issue" -> updateIssue(number(issue), body(request));
            case "POST reactions" -> react(Long.parseLong(reactions.group(1)), body(request));
            case "GET permission" -> Reply.json(200, json.permission(repository.collaborator(
                    java.net.URLDecoder.decode(permission.group(1), java.nio.charset.StandardCharsets.UTF_8))));
            default -> throw GitHubError.notFound(); // GitHub answers an unknown route or method with 404
        };
    }

    private Reply listPulls(LoggedRequest request) {
        List<PullRequestState> pulls = repository.list(
                query(request, "state").orElse("open"),
                query(request, "head").orElse(null),
                query(request, "base").orElse(null),
                query(request, "direction").map("asc"::equals).orElse(false));
        return page(request, pulls, pullJson::simple);
    }

    private Reply createPull(JsonNode body) {
        PullRequestState pr = repository.create(text(body, "title"), text(body, "head"), text(body, "base"),
                text(body, "body"), body.path("draft").asBoolean(false));
        return Reply.json(201, pullJson.full(pr), Map.of("Location", json.repositoryApiUrl() + "/pulls/" + pr.number));
    }

    private Reply updatePull(int number, JsonNode body) {
        PullRequestState pr = repository.update(number, text(body, "title"), text(body, "body"),
                text(body, "state"), text(body, "base"));
        return Reply.json(200, pullJson.full(pr));
    }

    private Reply merge(int number, JsonNode body) {
        String sha = repository.merge(number, text(body, "sha"), text(body, "commit_title"),
                text(body, "commit_message"), text(body, "merge_method"));
        ObjectNode result = GitHubDescription.JSON.createObjectNode()
                .put("sha", sha).put("merged", true).put("message", "Pull Request successfully merged");
        return Reply.json(200, result);
    }

    private Reply createStatus(String sha, JsonNode body) {
        String state = text(body, "state");
        String context = body.path("context").asText("default");
        repository.status(sha, context, state, text(body, "description"));
        return Reply.json(201, json.status(sha, state, context, text(body, "description")),
                Map.of("Location", json.repositoryApiUrl() + "/statuses/" + sha));
    }

    private Reply createIssue(JsonNode body) {
        List<String> labels = new ArrayList<>();
        body.path("labels").forEach(item -> labels.add(item.isTextual() ? item.textValue() : item.path("name").asText()));
        IssueState issue = repository.createIssue(text(body, "title"), text(body, "body"), labels);
        return Reply.json(201, json.issue(issue), Map.of("Location", json.repositoryApiUrl() + "/issues/" + issue.number));
    }

    /** Issues and pull requests, newest first unless {@code direction=asc}; {@code labels} is a comma-separated list. */
    private Reply listIssues(LoggedRequest request) {
        List<String> labels = query(request, "labels").map(l -> List.of(l.split(","))).orElse(List.of());
        List<Object> found = repository.issuesAndPulls(query(request, "state").orElse("open"), labels,
                query(request, "direction").map("asc"::equals).orElse(false));
        return page(request, found, item -> item instanceof IssueState issue ? json.issue(issue)
                : json.issueOfPull((PullRequestState) item));
    }

    /** GitHub serves a pull request here too, as an issue with a {@code pull_request} link. */
    private ObjectNode getIssue(int number) {
        return repository.issue(number).map(json::issue).orElseGet(() -> json.issueOfPull(repository.get(number)));
    }

    /** 201 for a new reaction, 200 when the same one is there already, as GitHub answers. */
    private Reply react(long commentId, JsonNode body) {
        String content = text(body, "content");
        boolean created = repository.react(commentId, content);
        return Reply.json(created ? 201 : 200, json.reaction(commentId * 100 + repository.reactions(commentId).indexOf(content),
                content, repository.now()));
    }

    private Reply createComment(int number, JsonNode body) {
        PullRequestState.Comment comment = repository.comment(number, text(body, "body"), Commenter.TOKEN_USER);
        return Reply.json(201, json.issueComment(number, repository.isIssue(number), comment),
                Map.of("Location", json.repositoryApiUrl() + "/issues/comments/" + comment.id()));
    }

    private Reply listComments(int number, LoggedRequest request) {
        Instant since;
        try {
            since = query(request, "since").map(Instant::parse).orElse(null);
        } catch (DateTimeParseException e) {
            since = null; // the contract check reports the request
        }
        return page(request, repository.comments(number, since), comment -> json.issueComment(number, repository.isIssue(number), comment));
    }

    /** {@code {"labels": [...]}} or a bare array, of names or of {@code {"name": ...}} objects. */
    /** Title, body and state of an issue; {@code labels} (which replace all) of an issue or a pull request. */
    private Reply updateIssue(int number, JsonNode body) {
        if (body.has("labels")) {
            repository.setLabels(number, labelNames(body.path("labels")));
        }
        if (repository.issue(number).isEmpty()) {
            return Reply.json(200, json.issueOfPull(repository.get(number)));
        }
        return Reply.json(200, json.issue(repository.updateIssue(number, text(body, "title"), text(body, "body"), text(body, "state"))));
    }

    private static List<String> labelNames(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.isTextual() ? item.textValue() : item.path("name").asText()));
        return names;
    }

    private Reply addLabels(int number, JsonNode body) {
        List<String> names = labelNames(body.isArray() ? body : body.path("labels"));
        if (names.isEmpty()) {
            throw GitHubError.invalidField("Label", "labels", "missing_field",
                    "https://docs.github.com/rest/issues/labels#add-labels-to-an-issue");
        }
        return Reply.json(200, json.labels(repository.addLabels(number, names)));
    }

    private <T> Reply page(LoggedRequest request, List<T> all, Function<T, ObjectNode> render) {
        Pagination.Page<T> page = Pagination.of(all, intQuery(request, "page"), intQuery(request, "per_page"),
                json.apiUrl, request.getUrl());
        ArrayNode items = GitHubDescription.JSON.createArrayNode();
        page.items().forEach(item -> items.add(render.apply(item)));
        return Reply.json(200, items, page.linkHeader() == null ? Map.of() : Map.of("Link", page.linkHeader()));
    }

    private static JsonNode body(LoggedRequest request) {
        String body = request.getBodyAsString();
        if (body == null || body.isBlank()) {
            return GitHubDescription.JSON.createObjectNode();
        }
        try {
            return GitHubDescription.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw GitHubError.basic(400, "Problems parsing JSON", "https://docs.github.com/rest");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isTextual() ? value.textValue() : null;
    }

    private static Optional<String> query(LoggedRequest request, String name) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter.isPresent() ? Optional.of(parameter.firstValue()) : Optional.empty();
    }

    private static Integer intQuery(LoggedRequest request, String name) {
        try {
            return query(request, name).map(Integer::valueOf).orElse(null);
        } catch (NumberFormatException e) {
            return null; // GitHub ignores it; the contract check reports the request
        }
    }

    private static int number(Matcher matcher) {
        return Integer.parseInt(matcher.group(1));
    }
}
