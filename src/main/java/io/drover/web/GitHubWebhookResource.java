package io.drover.web;

import io.drover.service.DroverConfig;
import io.drover.service.ReconcileService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * GitHub webhook deliveries. The signature over the raw body is checked before anything is
 * parsed; a valid, new delivery only triggers a pass, which recomputes from the observed state.
 */
@Path("/webhooks/github")
public class GitHubWebhookResource {

    private static final Logger LOG = Logger.getLogger(GitHubWebhookResource.class);

    private final DroverConfig config;
    private final ReconcileService service;
    private final Deliveries deliveries;

    public GitHubWebhookResource(DroverConfig config, ReconcileService service, Deliveries deliveries) {
        this.config = config;
        this.service = service;
        this.deliveries = deliveries;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public Response deliver(byte[] body, @HeaderParam("X-Hub-Signature-256") String signature,
            @HeaderParam("X-GitHub-Delivery") String delivery, @HeaderParam("X-GitHub-Event") String event) {
        String secret = config.webhook().secret().orElse(null);
        if (!WebhookSignature.valid(secret, body == null ? new byte[0] : body, signature)) {
            LOG.warnf("refused webhook delivery %s (%s): %s", delivery, event,
                    secret == null || secret.isBlank() ? "no drover.webhook.secret configured" : "bad or missing X-Hub-Signature-256");
            return Response.status(Response.Status.UNAUTHORIZED).entity("invalid signature\n").build();
        }
        if (delivery == null || delivery.isBlank()) {
            return Response.status(Response.Status.BAD_REQUEST).entity("missing X-GitHub-Delivery\n").build();
        }
        if (!deliveries.firstTime(delivery)) {
            return Response.ok("duplicate delivery ignored\n").build();
        }
        if ("ping".equals(event)) {
            return Response.ok("pong\n").build();
        }
        boolean queued = service.trigger("webhook " + event + " " + delivery);
        return Response.accepted(queued ? "pass queued\n" : "pass already queued\n").build();
    }
}
