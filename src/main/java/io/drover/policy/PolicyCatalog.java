package io.drover.policy;

import io.drover.model.FleetFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** Finds a policy by name: the fleet repo's {@code policies/<name>.yaml} first, then Drover's own. */
public final class PolicyCatalog {

    public static final List<String> SHIPPED = List.of("default", "conservative");

    private PolicyCatalog() {
    }

    /** The names {@link #resolve} finds: the fleet repo's own policies, then Drover's not overridden by them. */
    public static SortedSet<String> names(FleetFiles fleet) {
        SortedSet<String> names = new TreeSet<>(SHIPPED);
        fleet.pathsMatching("policies", ".yaml")
                .forEach(path -> names.add(path.substring("policies/".length(), path.length() - ".yaml".length())));
        return names;
    }

    public static Policy resolve(FleetFiles fleet, String name) throws InvalidPolicyException {
        String path = "policies/" + name + ".yaml";
        Optional<String> own = fleet.read(path);
        if (own.isPresent()) {
            return PolicyReader.read(path, own.get());
        }
        String resource = "drover/policies/" + name + ".yaml";
        try (InputStream in = PolicyCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidPolicyException(List.of(new io.drover.model.Problem(path, 0,
                        "no policy named '" + name + "' in the fleet repo or among Drover's (" + String.join(", ", SHIPPED) + ")",
                        "add " + path + " to the fleet repo, or pick one of Drover's")));
            }
            return PolicyReader.read("Drover's policies/" + name + ".yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
