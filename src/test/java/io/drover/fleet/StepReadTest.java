package io.drover.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.model.Problem;
import io.drover.planning.Step;
import io.drover.testing.ExampleFleet;
import io.drover.testing.FullPlan;
import io.drover.testing.GeneratedFleet;
import io.drover.testing.Planning;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A state read as the step after an already read state gives exactly what a read of the whole
 * state from scratch gives: the same fleet and warnings, or the same problems in the same order.
 * Checked on every step of plans, and on random edits of the kinds a user or a faulty template
 * makes, valid or not, one to three at a time, applied in sequence so that later states start
 * from states read step by step (and carry their warnings).
 */
class StepReadTest {

    static Stream<Arguments> plans() {
        List<Arguments> cases = new ArrayList<>();
        for (String strategy : List.of("blue-green", "rolling", "canary-fleet")) {
            cases.add(Arguments.of("example, " + strategy, ExampleFleet.withStrategy(strategy), null));
        }
        for (String strategy : List.of("blue-green", "rolling", "canary-fleet")) {
            for (String policy : List.of("default", "regional")) {
                cases.add(Arguments.of("12 generated, " + strategy + ", " + policy, generated(12, strategy), policy));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void everyStepOfAPlanReadsAsAWholeRead(String name, FleetFiles start, String policy) throws Exception {
        FullPlan plan = Planning.plan(start, policy);
        assertThat(plan.steps()).isNotEmpty();
        FleetReadMemo memo = new FleetReadMemo();
        Fleet state = FleetReader.read(start, memo);
        for (Step step : plan.steps()) {
            FleetFiles next = state.files().apply(step.changes());
            Fleet stepped = FleetReader.read(state, next, step.changes().stream().map(c -> c.path()).toList(), memo);
            assertThat(stepped).as("after %s", step.id()).isEqualTo(FleetReader.read(next));
            state = stepped;
        }
    }

    static Stream<Arguments> seeds() {
        return Stream.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L).map(Arguments::of);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomEditsReadAsAWholeRead(long seed) throws Exception {
        Random random = new Random(seed);
        FleetFiles start = seed % 2 == 0 ? ExampleFleet.files() : generated(6, "blue-green");
        FleetReadMemo memo = new FleetReadMemo();
        Fleet state = FleetReader.read(start, memo);
        int valid = 0;
        int invalid = 0;
        for (int round = 0; round < 60; round++) {
            Map<String, String> files = new TreeMap<>(state.files().asMap());
            List<String> done = new ArrayList<>();
            for (int edit = 1 + random.nextInt(3); edit > 0; edit--) {
                int kind = random.nextInt(EDITS.size());
                done.add(EDIT_NAMES.get(kind) + " " + EDITS.get(kind).apply(new Edit(files, state, random), random));
            }
            FleetFiles next = FleetFiles.of(files);
            Set<String> changed = changedPaths(state.files(), next);
            String what = "round " + round + ": " + done;
            if (random.nextInt(8) == 0) {
                // A whole read through the same memo, as serve does between plans.
                assertThat(outcome(() -> FleetReader.read(next, memo))).as(what).isEqualTo(outcome(() -> FleetReader.read(next)));
            }
            Fleet before = state;
            Object whole = outcome(() -> FleetReader.read(next));
            Object stepped = outcome(() -> FleetReader.read(before, next, changed, memo));
            assertThat(stepped).as(what).isEqualTo(whole);
            if (whole instanceof Fleet fleet) {
                state = fleet;
                valid++;
            } else {
                invalid++;
            }
        }
        assertThat(valid).as("valid states").isGreaterThan(5);
        assertThat(invalid).as("invalid states").isGreaterThan(5);
    }

    private static Set<String> changedPaths(FleetFiles before, FleetFiles after) {
        Set<String> changed = new HashSet<>();
        before.asMap().forEach((path, text) -> {
            if (!text.equals(after.asMap().get(path))) {
                changed.add(path);
            }
        });
        after.asMap().keySet().stream().filter(p -> !before.exists(p)).forEach(changed::add);
        return changed;
    }

    private interface Read {
        Fleet read() throws InvalidFleetException;
    }

    /** The fleet read, or what the read reported: its problems in order and the rollouts it read. */
    private static Object outcome(Read read) {
        try {
            return read.read();
        } catch (InvalidFleetException e) {
            return List.of(e.problems().stream().map(Problem::toString).toList(), e.rollouts());
        }
    }

    private static FleetFiles generated(int size, String strategy) {
        List<Integer> capacities = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            capacities.add(600 + 100 * (i % 4));
            weights.add(100);
        }
        return GeneratedFleet.of(new GeneratedFleet.Spec(List.of("eu", "us", "ap"), capacities, weights,
                size * 100, "v1.30.2", "v1.31.0", strategy), List.of("web", "api"));
    }

    /** The files being edited, the state they were read as, and the source of choices. */
    private record Edit(Map<String, String> files, Fleet state, Random random) {

        String cluster() {
            List<String> names = new ArrayList<>(state.clusters().keySet());
            return names.get(random.nextInt(names.size()));
        }

        String pick(String directory, String suffix) {
            List<String> paths = files.keySet().stream().filter(p -> p.startsWith(directory) && p.endsWith(suffix)).toList();
            return paths.get(random.nextInt(paths.size()));
        }

        void replace(String path, String regex, String replacement) {
            String text = files.get(path);
            if (text != null) {
                files.put(path, text.replaceFirst(regex, replacement));
            }
        }

        void removeUnder(String prefix) {
            files.keySet().removeIf(p -> p.startsWith(prefix));
        }
    }

    private static final List<String> EDIT_NAMES = new ArrayList<>();
    private static final List<BiFunction<Edit, Random, String>> EDITS = new ArrayList<>();

    private static void edit(String name, BiFunction<Edit, Random, String> edit) {
        EDIT_NAMES.add(name);
        EDITS.add(edit);
    }

    static {
        edit("capacity of", (e, r) -> {
            String c = e.cluster();
            e.replace("clusters/" + c + "/cluster.yaml", "drover.io/capacity: \"\\d+\"", "drover.io/capacity: \"" + (300 + r.nextInt(900)) + "\"");
            return c;
        });
        edit("broken YAML in", (e, r) -> {
            String c = e.cluster();
            e.files().computeIfPresent("clusters/" + c + "/cluster.yaml", (p, t) -> t + "\n  bad: [unclosed\n");
            return c;
        });
        edit("no Secret for", (e, r) -> {
            String c = e.cluster();
            e.files().remove(ClusterReader.secretPath(c));
            return c;
        });
        edit("no cluster.yaml for", (e, r) -> {
            String c = e.cluster();
            e.files().remove("clusters/" + c + "/cluster.yaml");
            return c;
        });
        edit("cluster gone (directory and Secret), overlays kept or not:", (e, r) -> {
            String c = e.cluster();
            e.removeUnder("clusters/" + c + "/");
            e.files().remove(ClusterReader.secretPath(c));
            if (r.nextBoolean()) {
                e.files().keySet().removeIf(p -> p.startsWith("apps/") && p.contains("/overlays/" + c + "/"));
            }
            return c;
        });
        edit("an overlay gone of", (e, r) -> {
            String overlay = e.pick("apps/", "/kustomization.yaml");
            e.removeUnder(overlay.substring(0, overlay.lastIndexOf('/') + 1));
            return overlay;
        });
        edit("an overlay added", (e, r) -> {
            String overlay = e.pick("apps/", "/kustomization.yaml");
            String copy = overlay.replace("/overlays/", "/overlays/x").replace("/base/", "/basex/");
            e.files().put(copy, e.files().get(overlay));
            return copy;
        });
        edit("a label that is a number on", (e, r) -> {
            String c = e.cluster();
            e.replace("clusters/" + c + "/cluster.yaml", "\n  labels:\n", "\n  labels:\n    tier: 1\n");
            return c;
        });
        edit("region label of the Secret of", (e, r) -> {
            String c = e.cluster();
            String region = List.of("eu-west-1", "us-east-1", "eu", "us", "ap").get(r.nextInt(5));
            e.replace(ClusterReader.secretPath(c), "\n    region: \\S+", "\n    region: " + region);
            return c + " to " + region;
        });
        edit("a Secret without cluster, copied from", (e, r) -> {
            String c = e.cluster();
            String ghost = "ghost-" + r.nextInt(3);
            e.files().put(ClusterReader.secretPath(ghost), e.files().getOrDefault(ClusterReader.secretPath(c), "").replace(c, ghost));
            return c;
        });
        edit("replaces annotation on", (e, r) -> {
            String c = e.cluster();
            String old = e.cluster();
            e.replace("clusters/" + c + "/cluster.yaml", "\n  annotations:\n", "\n  annotations:\n    drover.io/replaces: " + old + "\n");
            return c + " replacing " + old;
        });
        edit("ApplicationSet selector", (e, r) -> {
            String set = e.pick("argocd/applicationsets/", ".yaml");
            e.replace(set, "env: production", "env: " + (r.nextBoolean() ? "staging" : "production\n            tier: \"1\""));
            return set;
        });
        edit("traffic record renamed", (e, r) -> {
            String c = e.cluster();
            String traffic = e.pick("traffic/", ".yaml");
            e.replace(traffic, "setIdentifier: " + c + "\n", "setIdentifier: " + (r.nextBoolean() ? "nosuch" : e.cluster()) + "\n");
            return c + " in " + traffic;
        });
        edit("traffic weight", (e, r) -> {
            String traffic = e.pick("traffic/", ".yaml");
            e.replace(traffic, "value: \"\\d+\"", "value: \"" + r.nextInt(200) + "\"");
            return traffic;
        });
        edit("traffic weight that is no weight", (e, r) -> {
            String traffic = e.pick("traffic/", ".yaml");
            e.replace(traffic, "value: \"\\d+\"", "value: \"" + List.of("-5", "x", "", "1.5").get(r.nextInt(4)) + "\"");
            return traffic;
        });
        edit("traffic targets that do not name the cluster", (e, r) -> {
            String traffic = e.pick("traffic/", ".yaml");
            e.replace(traffic, "targets:\n(\\s+)- \\S+", "targets:\n$1- elsewhere.example.com");
            return traffic;
        });
        edit("rollout selects", (e, r) -> {
            String rollout = e.pick("rollouts/", ".yaml");
            String to = r.nextBoolean() ? "nowhere" : "production";
            e.replace(rollout, "env: \\w+", "env: " + to);
            return to;
        });
        edit("a new cluster copied from", (e, r) -> {
            String c = e.cluster();
            String copy = c + "-n" + r.nextInt(4);
            for (String path : List.copyOf(e.files().keySet())) {
                if (path.startsWith("clusters/" + c + "/") || path.equals(ClusterReader.secretPath(c))
                        || path.startsWith("apps/") && path.contains("/overlays/" + c + "/")) {
                    e.files().put(path.replace(c, copy), e.files().get(path).replace(c, copy));
                }
            }
            return c;
        });
        edit("metadata.name of", (e, r) -> {
            String c = e.cluster();
            e.replace("clusters/" + c + "/cluster.yaml", "\n  name: " + c + "\n", "\n  name: " + e.cluster() + "\n");
            return c;
        });
        edit("files no reader reads", (e, r) -> {
            e.files().put("clusters/README.md", "# clusters\n" + r.nextInt());
            e.files().put("docs/notes.md", "notes " + r.nextInt());
            e.files().put("argocd/clusters/notes.txt", "x" + r.nextInt());
            return "";
        });
        edit("a Secret in a subdirectory", (e, r) -> {
            String c = e.cluster();
            e.files().put("argocd/clusters/extra/" + c + ".yaml", e.files().getOrDefault(ClusterReader.secretPath(c), "a: b\n"));
            return c;
        });
        edit("undo: the state as read", (e, r) -> {
            e.files().clear();
            e.files().putAll(e.state().files().asMap());
            return "";
        });
    }
}
