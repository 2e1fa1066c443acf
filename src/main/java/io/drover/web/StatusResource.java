package io.drover.web;

import io.drover.service.ReconcileService;
import io.drover.status.RolloutView;
import io.drover.status.RolloutsJson;
import io.quarkus.qute.Template;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The status page at {@code /} and the same as JSON at {@code /api/rollouts}: each rollout as the
 * latest pass saw it. Rendered on the server (no script); Qute escapes every value, and titles,
 * logins and reasons come from outsiders.
 */
@Path("/")
public class StatusResource {

    private final ReconcileService service;
    private final Template status;

    public StatusResource(ReconcileService service, Template status) {
        this.service = service;
        this.status = status;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        List<RolloutView> rollouts = service.statusBoard().rollouts();
        return status.data("rollouts", rollouts).render();
    }

    @GET
    @Path("api/rollouts")
    @Produces(MediaType.APPLICATION_JSON)
    public String rollouts() {
        return RolloutsJson.write(service.statusBoard().rollouts());
    }
}
