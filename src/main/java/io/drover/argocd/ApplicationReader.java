package io.drover.argocd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drover.gate.ApplicationState;
import io.drover.gate.ApplicationState.Health;
import io.drover.gate.ApplicationState.LastOperation;
import io.drover.gate.ApplicationState.OperationPhase;
import io.drover.gate.ApplicationState.SourceRevision;
import io.drover.gate.ApplicationState.SyncStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Argo CD's {@code v1alpha1Application} JSON into what the gate judges. Absent parts are
 * common (no operationState before the first sync, an empty status on a new app); a part of the
 * wrong type or a timestamp that is not one makes the answer unreadable rather than guessed at.
 */
final class ApplicationReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer cannot be read as an Application; the message says where. */
    static final class UnreadableApplication extends Exception {
        UnreadableApplication(String message) {
            super(message);
        }
    }

    private final JsonNode root;

    private ApplicationReader(JsonNode root) {
        this.root = root;
    }

    static ApplicationState read(String body) throws UnreadableApplication {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UnreadableApplication("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableApplication("not a JSON object");
        }
        return new ApplicationReader(root).application();
    }

    private ApplicationState application() throws UnreadableApplication {
        String name = text("metadata", "name").orElseThrow(() -> new UnreadableApplication("no metadata.name"));
        List<String> revisions = strings("status", "sync", "revisions");
        List<SourceRevision> synced = revisions.isEmpty()
                ? single(text("status", "sync", "revision"), comparedOrSpec("source"))
                : paired(revisions, repos(comparedOrSpec("sources")));
        return new ApplicationState(
                name,
                time("metadata", "deletionTimestamp"),
                text("status", "sync", "status").map(SyncStatus::of).orElse(SyncStatus.UNKNOWN),
                synced,
                text("status", "health", "status").map(Health::of).orElse(Health.UNKNOWN),
                present(walk("operation")),
                present(walk("status", "operationState")) ? Optional.of(lastOperation()) : Optional.empty(),
                time("status", "reconciledAt"),
                conditions());
    }

    private LastOperation lastOperation() throws UnreadableApplication {
        // What the sync applied (its syncResult), else what it was asked to apply.
        List<String> applied = strings("status", "operationState", "syncResult", "revisions");
        Optional<String> appliedOne = text("status", "operationState", "syncResult", "revision");
        List<String> requested = strings("status", "operationState", "operation", "sync", "revisions");
        List<SourceRevision> revisions;
        if (!applied.isEmpty()) {
            revisions = paired(applied, repos(walk("status", "operationState", "syncResult", "sources")));
        } else if (appliedOne.isPresent()) {
            revisions = single(appliedOne, walk("status", "operationState", "syncResult", "source"));
        } else if (!requested.isEmpty()) {
            revisions = paired(requested, repos(walk("spec", "sources")));
        } else {
            revisions = single(text("status", "operationState", "operation", "sync", "revision"), walk("spec", "source"));
        }
        return new LastOperation(
                text("status", "operationState", "phase").map(OperationPhase::of).orElse(OperationPhase.UNKNOWN),
                text("status", "operationState", "message").orElse(""),
                time("status", "operationState", "finishedAt"),
                revisions);
    }

    /** What the revisions were compared with ({@code status.sync.comparedTo}), else the spec. */
    private JsonNode comparedOrSpec(String field) throws UnreadableApplication {
        JsonNode compared = walk("status", "sync", "comparedTo", field);
        return present(compared) ? compared : walk("spec", field);
    }

    private static List<SourceRevision> single(Optional<String> revision, JsonNode source) throws UnreadableApplication {
        if (revision.isEmpty() || revision.get().isBlank()) {
            return List.of();
        }
        return List.of(new SourceRevision(text(source, "repoURL").orElse(""), revision.get()));
    }

    /** Multi-source revisions are indexed like the sources. */
    private static List<SourceRevision> paired(List<String> revisions, List<String> repos) {
        List<SourceRevision> paired = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            paired.add(new SourceRevision(i < repos.size() ? repos.get(i) : "", revisions.get(i)));
        }
        return paired;
    }

    private static List<String> repos(JsonNode sources) throws UnreadableApplication {
        List<String> repos = new ArrayList<>();
        for (JsonNode source : array(sources, "sources")) {
            repos.add(text(source, "repoURL").orElse(""));
        }
        return repos;
    }

    private List<String> conditions() throws UnreadableApplication {
        List<String> conditions = new ArrayList<>();
        for (JsonNode condition : array(walk("status", "conditions"), "status.conditions")) {
            conditions.add(text(condition, "type").orElse("Condition") + ": " + text(condition, "message").orElse(""));
        }
        return conditions;
    }

    private List<String> strings(String... path) throws UnreadableApplication {
        List<String> strings = new ArrayList<>();
        for (JsonNode item : array(walk(path), String.join(".", path))) {
            if (!item.isTextual()) {
                throw new UnreadableApplication(String.join(".", path) + " holds " + item.getNodeType() + ", not strings");
            }
            strings.add(item.asText());
        }
        return strings;
    }

    private static List<JsonNode> array(JsonNode node, String what) throws UnreadableApplication {
        if (!present(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new UnreadableApplication(what + " is " + node.getNodeType() + ", not an array");
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    private Optional<String> text(String... path) throws UnreadableApplication {
        return text(root, path);
    }

    private static Optional<String> text(JsonNode node, String... path) throws UnreadableApplication {
        JsonNode value = walk(node, path);
        if (!present(value)) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new UnreadableApplication(String.join(".", path) + " is " + value.getNodeType() + ", not a string");
        }
        return Optional.of(value.asText());
    }

    private Optional<Instant> time(String... path) throws UnreadableApplication {
        Optional<String> text = text(path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
        } catch (DateTimeParseException e) {
            throw new UnreadableApplication(String.join(".", path) + " is '" + text.get() + "', not an RFC 3339 time");
        }
    }

    private JsonNode walk(String... path) throws UnreadableApplication {
        return walk(root, path);
    }

    /** The node at the path, missing if any part is absent; a part that is there but no object is an error. */
    private static JsonNode walk(JsonNode node, String... path) throws UnreadableApplication {
        JsonNode current = node;
        for (int i = 0; i < path.length && present(current); i++) {
            if (!current.isObject()) {
                throw new UnreadableApplication(String.join(".", List.of(path).subList(0, i)) + " is "
                        + current.getNodeType() + ", not an object");
            }
            current = current.path(path[i]);
        }
        return current;
    }

    private static boolean present(JsonNode node) {
        return !node.isMissingNode() && !node.isNull();
    }
}
