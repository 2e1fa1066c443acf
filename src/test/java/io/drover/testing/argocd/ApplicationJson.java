package io.drover.testing.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * An Application as Argo CD's API returns it, made from the real payload in
 * {@code contracts/argocd/examples/application.json} and varied per scenario: so the many fields
 * Drover ignores are Argo CD's, not ours. Starts Synced, Healthy, after a successful sync, with
 * health reconciled after that sync finished; each method changes one thing.
 */
public final class ApplicationJson {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXAMPLE = "/contracts/argocd/examples/application.json";
    private static final Instant SYNC_FINISHED = Instant.parse("2026-11-23T09:00:05Z");

    private final ObjectNode app;

    private ApplicationJson(ObjectNode app) {
        this.app = app;
    }

    /**
     * An Application an ApplicationSet generated for a cluster, deploying one path of the fleet repo,
     * synced at {@code revision}.
     */
    public static ApplicationJson generated(String name, String applicationSet, String cluster, String fleetRepo,
            String path, String revision) {
        ObjectNode app = example();
        // A Kubernetes object dump; Argo CD's API (and its swagger) has no apiVersion and kind.
        app.remove("apiVersion");
        app.remove("kind");
        ObjectNode metadata = (ObjectNode) app.get("metadata");
        metadata.put("name", name);
        metadata.put("namespace", "argocd");
        metadata.remove("labels");
        ((ObjectNode) metadata.get("ownerReferences").get(0)).put("name", applicationSet);
        ObjectNode source = JSON.createObjectNode().put("repoURL", fleetRepo).put("path", path).put("targetRevision", "main");
        ObjectNode destination = JSON.createObjectNode().put("name", cluster).put("namespace", applicationSet);
        ObjectNode spec = (ObjectNode) app.get("spec");
        spec.put("project", "default");
        spec.set("source", source.deepCopy());
        spec.set("destination", destination.deepCopy());
        ObjectNode status = status(app);
        status.put("sourceType", "Kustomize");
        ObjectNode comparedTo = (ObjectNode) status.get("sync").get("comparedTo");
        comparedTo.set("source", source.deepCopy());
        comparedTo.set("destination", destination.deepCopy());
        ObjectNode operationState = (ObjectNode) status.get("operationState");
        ((ObjectNode) operationState.get("syncResult")).set("source", source.deepCopy());
        for (JsonNode entry : status.get("history")) {
            ((ObjectNode) entry).set("source", source.deepCopy());
        }
        return new ApplicationJson(app).syncedAt(revision).finishedAt(SYNC_FINISHED).reconciledAt(SYNC_FINISHED.plusSeconds(1));
    }

    /** Synced at {@code revision}: the compared revision, and the last sync (and deployment) of it. */
    public ApplicationJson syncedAt(String revision) {
        ObjectNode status = status(app);
        ((ObjectNode) status.get("sync")).put("revision", revision);
        ObjectNode operationState = (ObjectNode) status.get("operationState");
        ((ObjectNode) operationState.get("syncResult")).put("revision", revision);
        ((ObjectNode) operationState.get("operation").get("sync")).put("revision", revision);
        ArrayNode history = (ArrayNode) status.get("history");
        ((ObjectNode) history.get(history.size() - 1)).put("revision", revision);
        return this;
    }

    /** Argo CD compared the app with a new revision but has not synced it (the last sync was of another). */
    public ApplicationJson comparedWith(String revision, String syncStatus) {
        ((ObjectNode) status(app).get("sync")).put("revision", revision).put("status", syncStatus);
        return this;
    }

    public ApplicationJson health(String health) {
        ((ObjectNode) status(app).get("health")).put("status", health);
        return this;
    }

    public ApplicationJson sync(String syncStatus) {
        ((ObjectNode) status(app).get("sync")).put("status", syncStatus);
        return this;
    }

    /** The last sync ended in {@code phase} with Argo CD's message. */
    public ApplicationJson lastSync(String phase, String message) {
        ((ObjectNode) status(app).get("operationState")).put("phase", phase).put("message", message);
        return this;
    }

    /** A sync is running: the top-level operation is set, the state has no end yet. */
    public ApplicationJson syncRunning(String message) {
        ObjectNode operationState = (ObjectNode) status(app).get("operationState");
        operationState.put("phase", "Running").put("message", message).remove("finishedAt");
        app.set("operation", operationState.get("operation").deepCopy());
        return this;
    }

    public ApplicationJson finishedAt(Instant finished) {
        ObjectNode operationState = (ObjectNode) status(app).get("operationState");
        operationState.put("startedAt", finished.minusSeconds(2).toString()).put("finishedAt", finished.toString());
        return this;
    }

    public ApplicationJson reconciledAt(Instant reconciled) {
        status(app).put("reconciledAt", reconciled.toString());
        return this;
    }

    public ApplicationJson deleting(Instant since) {
        ((ObjectNode) app.get("metadata")).put("deletionTimestamp", since.toString());
        return this;
    }

    public ApplicationJson condition(String type, String message) {
        ObjectNode condition = JSON.createObjectNode().put("type", type).put("message", message)
                .put("lastTransitionTime", SYNC_FINISHED.toString());
        status(app).withArray("conditions").add(condition);
        return this;
    }

    /**
     * Two sources, as a multi-source app has them: a Helm chart from a chart repository at
     * {@code chartVersion} with its values from the fleet repo at {@code fleetRevision}. The
     * revisions are indexed like the sources, in the spec, the comparison and the sync result.
     */
    public ApplicationJson multiSource(String chartRepo, String chartVersion, String fleetRepo, String valuesPath,
            String fleetRevision) {
        ArrayNode sources = JSON.createArrayNode();
        ObjectNode chart = sources.addObject().put("repoURL", chartRepo).put("chart", "ingress-nginx")
                .put("targetRevision", chartVersion);
        chart.putObject("helm").putArray("valueFiles").add("$values/" + valuesPath + "/values.yaml");
        sources.addObject().put("repoURL", fleetRepo).put("targetRevision", "main").put("ref", "values");
        ArrayNode revisions = JSON.createArrayNode().add(chartVersion).add(fleetRevision);
        ObjectNode spec = (ObjectNode) app.get("spec");
        spec.remove("source");
        spec.set("sources", sources.deepCopy());
        ObjectNode status = status(app);
        status.put("sourceType", "Helm");
        ObjectNode sync = (ObjectNode) status.get("sync");
        sync.remove("revision");
        sync.set("revisions", revisions.deepCopy());
        ObjectNode comparedTo = (ObjectNode) sync.get("comparedTo");
        comparedTo.remove("source");
        comparedTo.set("sources", sources.deepCopy());
        ObjectNode operationState = (ObjectNode) status.get("operationState");
        ObjectNode syncResult = (ObjectNode) operationState.get("syncResult");
        syncResult.remove("revision");
        syncResult.remove("source");
        syncResult.set("revisions", revisions.deepCopy());
        syncResult.set("sources", sources.deepCopy());
        ObjectNode operationSync = (ObjectNode) operationState.get("operation").get("sync");
        operationSync.remove("revision");
        operationSync.set("revisions", revisions.deepCopy());
        for (JsonNode entry : status.get("history")) {
            ObjectNode history = (ObjectNode) entry;
            history.remove("revision");
            history.remove("source");
            history.set("revisions", revisions.deepCopy());
            history.set("sources", sources.deepCopy());
        }
        return this;
    }

    public String json() {
        return app.toPrettyString();
    }

    private static ObjectNode status(ObjectNode app) {
        return (ObjectNode) app.get("status");
    }

    private static ObjectNode example() {
        try (InputStream in = ApplicationJson.class.getResourceAsStream(EXAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(EXAMPLE + " is missing from the test class path");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
