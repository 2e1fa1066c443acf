package io.drover.chatops;

import io.drover.model.Team;
import java.util.Map;
import java.util.Set;

/**
 * What the forge said of a commenter's teams: those they are an active member of, and those it
 * could not say, with why (a failed request). A team in neither is one they are not in.
 */
public record Memberships(Set<Team> active, Map<Team, String> failures) {

    public static final Memberships NONE = new Memberships(Set.of(), Map.of());

    public Memberships {
        active = Set.copyOf(active);
        failures = Map.copyOf(failures);
    }
}
