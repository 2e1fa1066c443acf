package io.drover.reconcile;

import io.drover.argocd.ArgoCdClient;
import io.drover.argocd.ArgoCdGate;
import io.drover.argocd.ArgoCdSettings;
import io.drover.testing.argocd.SimulatedArgoCd;
import io.drover.testing.argocd.StubArgoCd;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A stub Argo CD for a reconcile test class (register it as a static {@code @RegisterExtension}):
 * started once for the class, forgotten before each test, and the Argo CD gate Drover builds on it.
 */
final class ArgoCdInTheLoop implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    /** How long the gate waits before it looks at Argo CD again. */
    static final Duration RECHECK = Duration.ofSeconds(15);

    private final StubArgoCd argoCd = new StubArgoCd();

    @Override
    public void beforeAll(ExtensionContext context) {
        argoCd.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        argoCd.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        argoCd.stop();
    }

    StubArgoCd stub() {
        return argoCd;
    }

    /** Argo CD reporting the Applications of the fleet in the fixture's origin. */
    SimulatedArgoCd simulating(ReconcileFixture fixture) {
        return new SimulatedArgoCd(argoCd, fixture.origin.url());
    }

    /** The gate as the service builds it, on this Argo CD. */
    ArgoCdGate gate(ReconcileFixture fixture) {
        return gateAt(URI.create(argoCd.url()), Duration.ofSeconds(30), fixture);
    }

    /** The same gate on the Argo CD at {@code url}, giving up on a request after {@code timeout}. */
    static ArgoCdGate gateAt(URI url, Duration timeout, ReconcileFixture fixture) {
        return new ArgoCdGate(new ArgoCdClient(new ArgoCdSettings(url, StubArgoCd.TOKEN, false, Optional.empty(), timeout, RECHECK)),
                fixture.origin.url(), RECHECK);
    }
}
