package io.drover.testing;

import io.drover.fleet.FleetReader;
import io.drover.fleet.FleetSource;
import io.drover.fleet.InvalidFleetException;
import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The bundled example fleet, and variants of it made by editing its files in memory. */
public final class ExampleFleet {

    public static final Path DIRECTORY = Path.of("fleet-repo-example");

    private ExampleFleet() {
    }

    public static FleetFiles files() {
        try {
            return FleetSource.directory(DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example with one literal replacement in one file; fails if the text is not there. */
    public static FleetFiles withEdit(FleetFiles files, String path, String from, String to) {
        String text = files.read(path).orElseThrow(() -> new AssertionError("no " + path));
        if (!text.contains(from)) {
            throw new AssertionError(path + " does not contain '" + from + "'");
        }
        Map<String, String> copy = new TreeMap<>(files.asMap());
        copy.put(path, text.replace(from, to));
        return FleetFiles.of(copy);
    }

    /** Drover's shipped policy of that name, as text. */
    public static String shippedPolicy(String name) {
        try {
            return Files.readString(Path.of("policies", name + ".yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The default policy with no change windows, so that a long simulated run stays inside them. */
    public static String defaultPolicyAnyTime() {
        String policy = shippedPolicy("default");
        String windows = """
                  changeWindows:
                    - name: working-days
                      days: [MON, TUE, WED, THU, FRI]
                      from: "08:00"
                      until: "18:00"
                      timeZone: UTC
                """;
        if (!policy.contains(windows)) {
            throw new AssertionError("policies/default.yaml changed its change windows; update this fixture");
        }
        return policy.replace(windows, "  changeWindows: []\n");
    }

    /** The example with its own policies/default.yaml. */
    public static FleetFiles withFleetPolicy(String policy) {
        Map<String, String> copy = new TreeMap<>(files().asMap());
        copy.put("policies/default.yaml", policy);
        return FleetFiles.of(copy);
    }

    public static FleetFiles withStrategy(String strategy) {
        return withEdit(files(), "rollouts/production-1-31.yaml", "strategy: blue-green", "strategy: " + strategy);
    }

    public static Fleet read(FleetFiles files) {
        try {
            return FleetReader.read(files);
        } catch (InvalidFleetException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Writes files to a directory, e.g. to run git or kustomize on a planned state. */
    public static void write(FleetFiles files, Path root) throws IOException {
        for (var file : files.asMap().entrySet()) {
            Path target = root.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
    }
}
