package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.FleetFiles;
import io.drover.testing.ExampleFleet;
import io.drover.testing.GeneratedFleet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins what {@code drover plan} prints, byte for byte, for the example fleet and for generated
 * fleets, under every shipped policy and strategy: a change to the planner that should only make
 * it faster must leave these files as they are.
 *
 * <p>A deliberate change of the output rewrites them: {@code mvn -o -B test -Dtest=GoldenPlansTest
 * -Ddrover.golden.update=true}, then review the diff of {@code src/test/resources/golden/} and say
 * in the commit why it changed.
 */
class GoldenPlansTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("drover.golden.update");

    @TempDir
    Path dir;

    record Case(String name, FleetFiles files, String policy, String output, String diff) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        for (String strategy : List.of("blue-green", "rolling", "canary-fleet")) {
            for (String policy : List.of("default", "conservative")) {
                FleetFiles files = ExampleFleet.withStrategy(strategy);
                String base = "example-" + strategy + "-" + policy;
                cases.add(new Case(base + ".txt", files, policy, "text", "full"));
                cases.add(new Case(base + ".json", files, policy, "json", null));
            }
        }
        for (int size : List.of(10, 30)) {
            for (String strategy : List.of("blue-green", "rolling", "canary-fleet")) {
                FleetFiles files = generated(size, strategy, 30);
                String base = "generated-" + size + "-" + strategy;
                cases.add(new Case(base + ".txt", files, "default", "text", "stat"));
                cases.add(new Case(base + ".json", files, "default", "json", null));
            }
        }
        // N+2 on a generated fleet: the lost-pair arithmetic is what a faster capacity check changes.
        for (String strategy : List.of("blue-green", "canary-fleet")) {
            FleetFiles files = generated(10, strategy, 15);
            String base = "generated-10-" + strategy + "-conservative";
            cases.add(new Case(base + ".txt", files, "conservative", "text", "stat"));
            cases.add(new Case(base + ".json", files, "conservative", "json", null));
        }
        // Waves under the shipped regional policy: a quarter of the selected clusters per step, region by region.
        cases.add(new Case("example-blue-green-regional.txt", ExampleFleet.withStrategy("blue-green"), "regional", "text", "stat"));
        for (String strategy : List.of("blue-green", "rolling", "canary-fleet")) {
            cases.add(new Case("generated-30-" + strategy + "-regional.txt", generated(30, strategy, 30), "regional", "text", "stat"));
        }
        cases.add(new Case("generated-30-blue-green-regional.json", generated(30, "blue-green", 30), "regional", "json", null));
        return cases.stream().map(Arguments::of);
    }

    /** Four regions, capacities and weights that vary by position, peak at a share of the total capacity. */
    static FleetFiles generated(int size, String strategy, int percentPeak) {
        List<Integer> capacities = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            capacities.add(500 + 100 * (i * 7 % 10));
            weights.add(i % 3 == 0 ? 100 : 50 + 10 * (i * 3 % 10));
        }
        int peak = capacities.stream().mapToInt(Integer::intValue).sum() * percentPeak / 100;
        return GeneratedFleet.of(new GeneratedFleet.Spec(List.of("eu", "us", "ap", "sa"), capacities, weights, peak,
                "v1.30.2", "v1.31.0", strategy));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void planPrintsWhatItPrintedBefore(Case golden) throws IOException {
        Path fleet = dir.resolve("fleet");
        ExampleFleet.write(golden.files(), fleet);
        List<String> args = new ArrayList<>(List.of("plan", fleet.toString(), "--skip-builds",
                "--policy", golden.policy(), "--output", golden.output()));
        if (golden.diff() != null) {
            args.addAll(List.of("--diff", golden.diff()));
        }
        Cli cli = Cli.run(args.toArray(String[]::new));

        // A refused plan prints its reasons on stderr; a planned one only progress there.
        String actual = "exit " + cli.exitCode() + "\n"
                + (cli.exitCode() == 0 ? "" : cli.err().replace(fleet.toString(), "FLEET_DIR") + "\n--- stdout\n")
                + cli.out().replace(fleet.toString(), "FLEET_DIR");
        Path file = GOLDEN.resolve(golden.name());
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file %s; rewrite deliberately with -Ddrover.golden.update=true", file).exists();
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (!actual.equals(expected)) {
            // Kept for a diff against the golden file.
            Path mismatch = Path.of("target/golden-actual").resolve(golden.name());
            Files.createDirectories(mismatch.getParent());
            Files.writeString(mismatch, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual.equals(expected))
                .as("plan output differs from %s (first difference at char %d)", file, firstDifference(actual, expected))
                .isTrue();
    }

    private static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return n;
    }
}
