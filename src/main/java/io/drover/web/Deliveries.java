package io.drover.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/** Remembers recent X-GitHub-Delivery ids so a redelivery triggers nothing twice. Bounded. */
@ApplicationScoped
public class Deliveries {

    private static final int CAPACITY = 10_000;
    private final Map<String, Boolean> seen = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    /** True the first time an id is seen. */
    public synchronized boolean firstTime(String id) {
        return seen.putIfAbsent(id, Boolean.TRUE) == null;
    }
}
