package io.drover.testing.github;

import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.allOf;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageHasKey;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request.Method;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRule;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestListener;
import com.github.tomakehurst.wiremock.http.Response;
import io.drover.testing.CheckedInteractions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every request the stub receives, and the stub's answer, against GitHub's description with
 * swagger-request-validator's OpenApiValidationListener.
 *
 * <p>Four things are let through, each by a narrow whitelist rule, and nothing else:
 * <ol>
 * <li>GET /repos/{owner}/{repo} of this one repository. The library fetches it before anything
 * else, but Drover's cut-down description leaves it out. This is the only path outside the
 * contract; any other path the client calls fails the check.</li>
 * <li>{@code Accept: application/vnd.github+json}, which the library sends with every request.
 * It is the media type GitHub's documentation asks clients to send, but the description lists
 * only {@code application/json} as what the operations produce, so the validator would reject
 * every request.</li>
 * <li>An injected fault whose status the operation does not declare: GitHub answers any
 * endpoint with a 403 rate limit or a 502 from its front end, while the description lists only
 * some statuses per operation. Only the "status unknown" message is let through, only for
 * responses the test injected (recognised by their request id), and their bodies are checked
 * against {@code basic-error}/{@code validation-error} when the fault is set up.</li>
 * <li>The answer to GET /user: users/get-authenticated answers {@code oneOf} private-user and
 * public-user with a {@code discriminator} on {@code user_view_type}, which neither schema lists
 * as required, and the validator's JSON-schema library refuses to load such a schema at all
 * ("must be marked as a required property"). Only that message, only for GET /user, is let
 * through; the stub checks its own answer against private-user when it builds it
 * ({@code GitHubJson.authenticatedUser}).</li>
 * </ol>
 *
 * <p>{@link CheckedInteractions} makes sure no interaction goes unchecked.
 */
final class ContractCheck implements RequestListener {

    static final String REQUEST_ID_HEADER = "X-GitHub-Request-Id";
    private static final String GITHUB_MEDIA_TYPE = "application/vnd.github+json";

    private final OpenApiInteractionValidator validator;
    private final CheckedInteractions interactions;
    private final Set<String> injectedFaults = ConcurrentHashMap.newKeySet();

    ContractCheck(String fullName) {
        ValidationErrorsWhitelist whitelist = ValidationErrorsWhitelist.create()
                .withRule("GET /repos/" + fullName + " is fetched by the library but not in Drover's description",
                        allOf(messageHasKey("validation.request.path.missing"), isGetOf("/repos/" + fullName)))
                .withRule("Accept: " + GITHUB_MEDIA_TYPE + " is GitHub's documented media type, not in the description",
                        allOf(messageHasKey("validation.request.accept.notAllowed"), acceptsOnly(GITHUB_MEDIA_TYPE)))
                .withRule("an injected fault may use a status the operation does not declare",
                        allOf(messageHasKey("validation.response.status.unknown"), isInjectedFault()))
                .withRule("GET /user: the description's discriminator user_view_type is not a required property",
                        allOf(messageHasKey("validation.response.body.schema.processingError"), isGetOf("/user"),
                                (message, operation, request, response) -> message.getMessage()
                                        .contains("'discriminator' field 'user_view_type' must be marked as a required property")));
        this.validator = OpenApiInteractionValidator
                .createForSpecificationUrl(GitHubDescription.location().toString())
                .withWhitelist(whitelist)
                // issues/update answers allOf(issue, {suggestions}); checked branch by branch, each
                // branch would reject the other's fields as undeclared.
                .withResolveCombinators(true)
                .build();
        this.interactions = new CheckedInteractions(validator);
    }

    /**
     * The message is about the request, and before any operation is found, so the rule looks at
     * the request itself ({@code WhitelistRules.pathContains} and {@code methodIs} need an operation).
     */
    private static WhitelistRule isGetOf(String path) {
        return (message, operation, request, response) ->
                request != null && request.getMethod() == Method.GET && request.getPath().equalsIgnoreCase(path);
    }

    private static WhitelistRule acceptsOnly(String mediaType) {
        return (message, operation, request, response) -> request != null
                && !request.getHeaderValues("Accept").isEmpty()
                && request.getHeaderValues("Accept").stream().allMatch(mediaType::equalsIgnoreCase);
    }

    private WhitelistRule isInjectedFault() {
        return (message, operation, request, response) ->
                response != null && response.getHeaderValues(REQUEST_ID_HEADER).stream().anyMatch(injectedFaults::contains);
    }

    @Override
    public void requestReceived(Request request, Response response) {
        interactions.requestReceived(keepingEncodedSlashes(request), response);
    }

    /**
     * The validator decodes the path before it matches it against the templates, so a slash
     * encoded inside one segment (the label name in DELETE .../labels/drover%2Fpaused) would split
     * the segment in two and match no operation. GitHub takes {@code %2F} as part of the segment;
     * encoding the percent sign once more lets the validator see the same one segment.
     */
    private static Request keepingEncodedSlashes(Request request) {
        if (!request.getUrl().toUpperCase(java.util.Locale.ROOT).contains("%2F")) {
            return request;
        }
        String url = request.getUrl().replaceAll("(?i)%2F", "%252F");
        return (Request) java.lang.reflect.Proxy.newProxyInstance(Request.class.getClassLoader(), new Class<?>[] {Request.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getUrl") && method.getParameterCount() == 0) {
                        return url;
                    }
                    try {
                        return method.invoke(request, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    void markInjectedFault(String requestId) {
        injectedFaults.add(requestId);
    }

    /**
     * A fault's body must be what GitHub sends: a {@code validation-error} for 422, a
     * {@code basic-error} otherwise. The description holds these schemas only as answers of some
     * operation, so the body is checked as the answer of one that declares them: pulls/create for
     * 422, pulls/get (404) for the rest. The operation may not declare the injected status, so the
     * listener may not see the schema when the fault is served; this check does not depend on it.
     */
    void checkErrorBody(int status, String body) {
        boolean validationError = status == 422;
        ValidationReport report = validator.validateResponse(
                validationError ? "/repos/o/r/pulls" : "/repos/o/r/pulls/1",
                validationError ? Method.POST : Method.GET,
                SimpleResponse.Builder.status(validationError ? 422 : 404)
                        .withContentType("application/json")
                        .withBody(body)
                        .build());
        if (report.hasErrors()) {
            throw new IllegalArgumentException("an injected " + status + " must have GitHub's "
                    + (validationError ? "validation-error" : "basic-error") + " body: " + report.getMessages());
        }
    }

    /** Fails on any contract violation, and if any of the {@code served} interactions went unchecked. */
    void assertPassed(int served) {
        interactions.assertPassed(served);
    }
}
