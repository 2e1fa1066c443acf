package io.drover.planning.steps;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each cluster's weighted record was in the last state of a DNSEndpoint walked, as hints for
 * the next states: a step changes one record's weight, or adds a record at the end, or removes one,
 * so a record is mostly where it was, or a few places earlier. A hint is only ever a guess that the
 * caller checks against the record itself, so a stale one costs a walk, never a wrong edit; this
 * is why it may be shared by every plan in the process.
 */
final class RecordPositions {

    /** DNSEndpoints remembered: a fleet has one per hostname, and a plan edits a few. */
    private static final int MAX_ENDPOINTS = 16;
    private static final Map<String, Map<String, Integer>> POSITIONS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Integer>> eldest) {
            return size() > MAX_ENDPOINTS;
        }
    };

    private RecordPositions() {
    }

    /** Where the cluster's record was when the DNSEndpoint was last walked; -1 if unknown. */
    static synchronized int hint(String endpoint, String cluster) {
        Map<String, Integer> positions = POSITIONS.get(endpoint);
        Integer at = positions == null ? null : positions.get(cluster);
        return at == null ? -1 : at;
    }

    /** Where every record of the DNSEndpoint is in the state just walked. */
    static synchronized void remember(String endpoint, Map<String, Integer> positions) {
        POSITIONS.put(endpoint, Map.copyOf(positions));
    }
}
