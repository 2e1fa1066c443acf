package io.drover.web;

import io.drover.service.Probes;
import io.drover.service.ReconcileService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The probes at {@code /q/health/live} and {@code /q/health/ready}, with Drover's meaning
 * ({@link Probes}): live while the reconcile loop comes round, ready once configured, cloned and,
 * with leader election, in the election.
 */
final class DroverHealth {

    private DroverHealth() {
    }

    private static HealthCheckResponse response(String name, Probes.Verdict verdict) {
        return HealthCheckResponse.named(name).status(verdict.up()).withData("detail", verdict.detail()).build();
    }

    @Liveness
    @ApplicationScoped
    static class Loop implements HealthCheck {
        private final ReconcileService service;

        Loop(ReconcileService service) {
            this.service = service;
        }

        @Override
        public HealthCheckResponse call() {
            return response("reconcile loop", service.live(Clock.systemUTC().instant()));
        }
    }

    @Readiness
    @ApplicationScoped
    static class Ready implements HealthCheck {
        private final ReconcileService service;

        Ready(ReconcileService service) {
            this.service = service;
        }

        @Override
        public HealthCheckResponse call() {
            return response("fleet repo", Probes.ready(service.state()));
        }
    }
}
