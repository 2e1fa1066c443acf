package io.drover.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.wiremock.OpenApiValidationListener;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestListener;
import com.github.tomakehurst.wiremock.http.Response;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks every request a WireMock stub receives, and its answer, with swagger-request-validator's
 * {@link OpenApiValidationListener}. The library's listener rethrows when validating throws, into
 * WireMock's request handling where the test never sees it; this wrapper records such failures
 * and counts the checks, so {@link #assertPassed(int)} cannot pass on interactions that were
 * never checked.
 */
public final class CheckedInteractions implements RequestListener {

    private final OpenApiValidationListener listener;
    private final AtomicInteger checked = new AtomicInteger();
    private final List<Throwable> crashes = new CopyOnWriteArrayList<>();

    public CheckedInteractions(OpenApiInteractionValidator validator) {
        this.listener = new OpenApiValidationListener(validator);
    }

    @Override
    public void requestReceived(Request request, Response response) {
        try {
            listener.requestReceived(request, response);
            checked.incrementAndGet();
        } catch (RuntimeException | Error e) {
            crashes.add(e);
        }
    }

    /** Forgets what was checked so far, for the next test on the same stub. */
    public void reset() {
        listener.reset();
        checked.set(0);
        crashes.clear();
    }

    /** Fails on any contract violation, and if any of the {@code served} interactions went unchecked. */
    public void assertPassed(int served) {
        if (!crashes.isEmpty()) {
            AssertionError failure = new AssertionError("validating an interaction failed: " + crashes.get(0));
            crashes.forEach(failure::addSuppressed);
            throw failure;
        }
        listener.assertValidationPassed();
        if (checked.get() < served) {
            throw new AssertionError(served + " requests were served but " + checked.get() + " were checked");
        }
    }
}
