package io.drover.testing.github;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answer as GitHub words it: a {@code basic-error} body ({@code message} and
 * {@code documentation_url}) or, for 422, a {@code validation-error} with its {@code errors}
 * list. Thrown by the fake repository's operations, turned into the response.
 *
 * <p>GitHub nowadays adds {@code "status": "404"} and the like, but only {@code basic-error}
 * declares it (not {@code validation-error}, nor the merge's 405 and 409 bodies), and the
 * validator rejects undeclared properties; so no error body here has it.
 */
final class GitHubError extends RuntimeException {

    private static final String DOCS = "https://docs.github.com/rest";
    static final String CREATE_PULL_DOCS = DOCS + "/pulls/pulls#create-a-pull-request";
    static final String UPDATE_PULL_DOCS = DOCS + "/pulls/pulls#update-a-pull-request";
    static final String MERGE_PULL_DOCS = DOCS + "/pulls/pulls#merge-a-pull-request";
    static final String SECONDARY_RATE_LIMIT_DOCS =
            DOCS + "/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits";
    static final String PRIMARY_RATE_LIMIT_DOCS =
            DOCS + "/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit";

    final int status;
    final ObjectNode body;

    private GitHubError(int status, ObjectNode body) {
        super(status + " " + body);
        this.status = status;
        this.body = body;
    }

    static GitHubError basic(int status, String message, String documentationUrl) {
        return new GitHubError(status, basicBody(message, documentationUrl));
    }

    static GitHubError notFound() {
        return basic(404, "Not Found", DOCS);
    }

    static ObjectNode basicBody(String message, String documentationUrl) {
        ObjectNode body = GitHubDescription.JSON.createObjectNode();
        body.put("message", message);
        body.put("documentation_url", documentationUrl);
        return body;
    }

    /** 422 "Validation Failed" with one error whose {@code message} is GitHub's own sentence. */
    static GitHubError custom(String resource, String field, String message, String documentationUrl) {
        ObjectNode error = GitHubDescription.JSON.createObjectNode().put("resource", resource);
        if (field != null) {
            error.put("field", field);
        }
        error.put("code", "custom").put("message", message);
        return validationFailed(error, documentationUrl);
    }

    /** 422 "Validation Failed" for a field GitHub rejects without a sentence (code "invalid", "missing_field"). */
    static GitHubError invalidField(String resource, String field, String code, String documentationUrl) {
        ObjectNode error = GitHubDescription.JSON.createObjectNode()
                .put("resource", resource).put("field", field).put("code", code);
        return validationFailed(error, documentationUrl);
    }

    private static GitHubError validationFailed(ObjectNode error, String documentationUrl) {
        ObjectNode body = GitHubDescription.JSON.createObjectNode();
        body.put("message", "Validation Failed");
        body.putArray("errors").add(error);
        body.put("documentation_url", documentationUrl);
        return new GitHubError(422, body);
    }
}
