package io.drover.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.fleet.FleetReadMemo;
import io.drover.fleet.FleetReader;
import io.drover.fleet.InvalidFleetException;
import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.testing.GeneratedFleet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A splice keeps the nodes it did not edit, and a step's read takes the traffic of the state before
 * it for the records it kept: over random sequences of weight edits (spliced), records removed and
 * added back, and records made invalid (a bad weight, an unknown cluster, a second record for a
 * cluster), each state read as the step after the last state that read, and read whole through
 * the same memo, gives what a read from scratch (a fresh parse, no memo) gives: the same fleet and
 * warnings, or the same problems in the same order.
 */
class TrafficReadThroughMemoTest {

    private static final String TRAFFIC = "traffic/web.yaml";

    @Test
    void everyStateReadThroughTheMemoIsTheReadFromScratch() throws Exception {
        long splicedBefore = YamlFile.SPLICED.get();
        int invalidStates = 0;
        for (long seed = 1; seed <= 4; seed++) {
            invalidStates += walk(new Random(seed), 60);
        }
        assertThat(YamlFile.SPLICED.get() - splicedBefore).as("traffic files spliced").isGreaterThan(20);
        assertThat(invalidStates).as("states with problems").isGreaterThan(10);
    }

    /** Reads {@code steps} random states of one fleet through one memo; returns how many had problems. */
    private static int walk(Random random, int steps) throws Exception {
        YamlFile.forgetRecent();
        int clusters = 120;
        List<Integer> capacities = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (int i = 0; i < clusters; i++) {
            capacities.add(1000);
            weights.add(random.nextInt(3) * 50);
        }
        FleetFiles files = GeneratedFleet.of(new GeneratedFleet.Spec(List.of("eu", "us", "ap", "sa"), capacities, weights,
                20_000, "v1.30.2", "v1.31.0", "blue-green"));
        String text = files.read(TRAFFIC).orElseThrow();
        assertThat(text.length()).as("long enough to be spliced").isGreaterThan(RecentParses.MIN_CHARS);
        YamlFile current = YamlFile.parse(TRAFFIC, text);
        List<String> removed = new ArrayList<>();
        FleetReadMemo memo = new FleetReadMemo();
        Fleet lastRead = FleetReader.read(files, memo);
        int invalid = 0;
        for (int step = 0; step < steps; step++) {
            String next = edit(random, current, removed);
            files = withTraffic(files, next);
            current = YamlFile.parse(TRAFFIC, next);
            // The edit above starts from the parse the memo read last, as the planner's edits do.
            FleetFiles state = files;
            Fleet before = lastRead;
            Outcome stepped = outcome(() -> FleetReader.read(before, state, List.of(TRAFFIC), memo));
            Outcome whole = outcome(() -> FleetReader.read(state, memo));
            YamlFile.forgetRecent();
            Outcome fromScratch = outcome(() -> FleetReader.read(state));
            assertThat(stepped).as("state %d read as a step:\n%s", step, next).isEqualTo(fromScratch);
            assertThat(whole).as("state %d read whole:\n%s", step, next).isEqualTo(fromScratch);
            invalid += fromScratch.problems().isEmpty() ? 0 : 1;
            if (fromScratch.fleet() != null) {
                lastRead = fromScratch.fleet();
            }
        }
        return invalid;
    }

    /** One random edit of the traffic file: mostly weights (spliced), else a record removed, added back or broken. */
    private static String edit(Random random, YamlFile file, List<String> removed) {
        YamlNode endpoints = file.documents().get(0).at("spec", "endpoints").orElseThrow();
        List<YamlNode> records = endpoints.items();
        YamlEditor editor = new YamlEditor(file);
        int pick = random.nextInt(records.size());
        YamlNode record = records.get(pick);
        int kind = random.nextInt(10);
        if (kind < 6) {
            for (int edits = 1 + random.nextInt(3), i = 0; i < edits; i++) {
                YamlNode some = records.get((pick + i * 7) % records.size());
                some.at("providerSpecific").flatMap(p -> p.items().stream().findFirst()).flatMap(p -> p.get("value"))
                        .filter(YamlNode::isScalar)
                        .ifPresent(value -> editor.replaceScalar(value, String.valueOf(random.nextInt(4) * 25)));
            }
        } else if (kind == 6 && records.size() > 1) {
            removed.add(editor.itemSource(endpoints, pick));
            editor.removeItem(endpoints, pick);
        } else if (kind == 7 && !removed.isEmpty()) {
            editor.appendItem(endpoints, removed.remove(random.nextInt(removed.size())));
        } else if (kind == 8) {
            editor.appendItem(endpoints, editor.itemSource(endpoints, pick));
        } else {
            YamlNode target = random.nextBoolean() ? record.get("setIdentifier").orElseThrow()
                    : record.at("providerSpecific").orElseThrow().items().get(0).get("value").orElseThrow();
            editor.replaceScalar(target, random.nextBoolean() ? "nowhere-01" : "-1");
        }
        return editor.apply();
    }

    private static FleetFiles withTraffic(FleetFiles files, String text) {
        Map<String, String> map = new TreeMap<>(files.asMap());
        map.put(TRAFFIC, text);
        return FleetFiles.of(map);
    }

    private interface Read {
        Fleet read() throws InvalidFleetException;
    }

    /** What a read says: the fleet and its warnings, or its problems in order. */
    private static Outcome outcome(Read read) {
        try {
            Fleet fleet = read.read();
            return new Outcome(fleet, fleet.warnings().stream().map(Object::toString).toList(), List.of());
        } catch (InvalidFleetException e) {
            return new Outcome(null, List.of(), e.problems().stream().map(Object::toString).toList());
        }
    }

    private record Outcome(Fleet fleet, List<String> warnings, List<String> problems) {
    }
}
