package io.drover.testing.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Every request the stub received, and the faults waiting for the next matching one. */
final class Traffic {

    /** One request as received: method and path, without the query. */
    record Seen(String method, String path, String url) {
    }

    /**
     * A one-shot fault: the {@code failure} answers instead of GitHub, or, without one, the request
     * is carried out in full and its answer is {@code lost}.
     */
    record Fault(String method, Pattern path, Reply failure, Loss lost) {

        /** How the answer to a request GitHub carried out fails to reach the client. */
        enum Loss {
            /** held back beyond the client's timeout */
            LATE,
            /** the connection is closed without a byte of it */
            DROPPED
        }

        static Fault refusal(String method, Pattern path, Reply failure) {
            return new Fault(method, path, failure, null);
        }

        static Fault lostAnswer(String method, Pattern path, Loss how) {
            return new Fault(method, path, null, how);
        }

        boolean refuses() {
            return failure != null;
        }

        boolean matches(String requestMethod, String requestPath) {
            return method.equalsIgnoreCase(requestMethod) && path.matcher(requestPath).matches();
        }
    }

    /** A response before the common GitHub headers are added. */
    record Reply(int status, String body, Map<String, String> headers) {
        static Reply json(int status, JsonNode body) {
            return json(status, body, Map.of());
        }

        static Reply json(int status, JsonNode body, Map<String, String> headers) {
            return new Reply(status, body.toString(), headers);
        }
    }

    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final List<Seen> seen = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();

    synchronized void record(Seen request) {
        seen.add(request);
    }

    synchronized int served() {
        return seen.size();
    }

    synchronized int count(String method, String pathRegex) {
        Pattern path = Pattern.compile(pathRegex);
        return (int) seen.stream().filter(s -> s.method().equalsIgnoreCase(method) && path.matcher(s.path()).matches()).count();
    }

    synchronized int writes() {
        return (int) seen.stream().filter(s -> WRITE_METHODS.contains(s.method())).count();
    }

    synchronized List<String> log() {
        return seen.stream().map(s -> s.method() + " " + s.url()).toList();
    }

    synchronized void add(Fault fault) {
        faults.add(fault);
    }

    /** The oldest fault waiting for this request, removed: each fault answers one request. */
    synchronized Optional<Fault> takeFault(String method, String path) {
        for (Iterator<Fault> it = faults.iterator(); it.hasNext();) {
            Fault fault = it.next();
            if (fault.matches(method, path)) {
                it.remove();
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}
