package io.drover.service;

import java.time.Instant;
import java.util.Optional;

/**
 * What the health probes judge: when the service started, when its loop last came round to a pass,
 * why it will run none (settings missing or wrong), whether the fleet repo is cloned, and with
 * leader election whether this replica has read the Lease (knows who leads); empty without.
 */
public record ServiceState(Instant startedAt, Optional<Instant> lastLoop, Optional<String> notConfigured, boolean cloned,
        Optional<Boolean> knowsLeader) {
}
