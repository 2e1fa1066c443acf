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
