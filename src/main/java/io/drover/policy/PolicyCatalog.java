package io.drover.policy;

import io.drover.model.FleetFiles;
import io.drover.model.Problem;
import io.drover.model.Rollout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** Finds a rollout's policy by name: the fleet repo's {@code policies/<name>.yaml} first, then Drover's own. */
public final class PolicyCatalog {

    public static final List<String> SHIPPED = List.of("default", "conservative", "regional");

    private PolicyCatalog() {
    }

    /** The names {@link #find} finds: the fleet repo's own policies, then Drover's not overridden by them. */
    public static SortedSet<String> names(FleetFiles fleet) {
        SortedSet<String> names = new TreeSet<>(SHIPPED);
        fleet.pathsMatching("policies", ".yaml")
                .forEach(path -> names.add(path.substring("policies/".length(), path.length() - ".yaml".length())));
        return names;
    }

    /** The rollout's policy; an unknown name is reported where the rollout names it. */
    public static Policy resolve(FleetFiles fleet, Rollout rollout) throws InvalidPolicyException {
        String path = "policies/" + rollout.policyName() + ".yaml";
        return find(fleet, rollout.policyName()).orElseThrow(() -> new InvalidPolicyException(List.of(new Problem(
                rollout.path(), rollout.policyLine(), "rollout " + rollout.name() + " names the policy '" + rollout.policyName()
                        + "', but there is no " + path + " in the fleet repo and Drover ships none of that name",
                "name one of " + String.join(", ", names(fleet)) + " in spec.policy, or add " + path + " to the fleet repo"))));
    }

    /** The policy of that name; empty if neither the fleet repo nor Drover has one. */
    public static Optional<Policy> find(FleetFiles fleet, String name) throws InvalidPolicyException {
        String path = "policies/" + name + ".yaml";
        Optional<String> own = fleet.read(path);
        if (own.isPresent()) {
            return Optional.of(PolicyReader.read(path, own.get()));
        }
        Problem refused = fleet.refused().get(path);
        if (refused != null) {
            // The fleet's own policy is there but unreadable: falling back to Drover's would hide it.
            throw new InvalidPolicyException(List.of(refused));
        }
        String resource = "drover/policies/" + name + ".yaml";
        try (InputStream in = PolicyCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(PolicyReader.read("Drover's policies/" + name + ".yaml",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
