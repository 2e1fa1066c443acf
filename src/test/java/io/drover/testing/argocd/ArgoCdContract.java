package io.drover.testing.argocd;

import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.allOf;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRule;
import java.net.URL;

/**
 * Argo CD's swagger ({@code contracts/argocd/swagger.json}, provenance in SOURCE.md beside it) as
 * the validator of the stub's traffic. One thing is let through: an answer the test marked as a
 * deliberate fault, recognised by the {@value #FAULT_HEADER} header, may have a body that is not
 * JSON (a broken server, or a proxy's HTML page in front of Argo CD); its request is still checked.
 */
final class ArgoCdContract {

    static final String FAULT_HEADER = "X-Drover-Test-Fault";
    private static final String SWAGGER = "/contracts/argocd/swagger.json";

    private ArgoCdContract() {
    }

    static OpenApiInteractionValidator validator() {
        URL swagger = ArgoCdContract.class.getResource(SWAGGER);
        if (swagger == null) {
            throw new IllegalStateException("Argo CD's swagger " + SWAGGER + " is missing from the test class path");
        }
        ValidationErrorsWhitelist whitelist = ValidationErrorsWhitelist.create()
                .withRule("a deliberately unreadable answer", allOf(isUnreadable(), isDeliberateFault()));
        return OpenApiInteractionValidator.createForSpecificationUrl(swagger.toString()).withWhitelist(whitelist).build();
    }

    private static WhitelistRule isUnreadable() {
        return (message, operation, request, response) -> message.getKey().endsWith("schema.invalidJson")
                || message.getKey().equals("validation.response.contentType.notAllowed");
    }

    private static WhitelistRule isDeliberateFault() {
        return (message, operation, request, response) -> response != null && !response.getHeaderValues(FAULT_HEADER).isEmpty();
    }
}
