package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.planning.capacity.CapacityCheck;
import io.drover.planning.capacity.TrafficState;
import io.drover.policy.Policy.CapacityRule;
import io.drover.testing.ExampleFleet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text plan as a reviewer reads it: an overview whose lines agree with the steps below it,
 * capacity tables that say what each column is and whether the rule holds, and diffs as asked.
 */
class PlanTextTest {

    private static final Pattern OVERVIEW_ROW = Pattern.compile("(?m)^  (\\d+)/(\\d+) +(\\S+) +(\\d+%) +(\\d+%)  (.+)$");
    private static final Pattern STEP = Pattern.compile("(?m)^Step (\\d+)/(\\d+)  \\[(\\S+)\\]  \\S+\\nPR: (.+)$");
    private static final Pattern BUSIEST = Pattern.compile("(?m)^    busiest: \\S+ at (\\d+%) \\(limit 80%\\)$");
    private static final Pattern WORST = Pattern.compile("(?m)^    N\\+1 worst case: .* = (\\d+%) \\(limit 100%\\)$");

    private static Cli stat;
    private static Cli full;

    @BeforeAll
    static void planTheExample() {
        stat = Cli.run("plan", "fleet-repo-example", "--skip-builds");
        full = Cli.run("plan", "fleet-repo-example", "--skip-builds", "--diff", "full");
        assertThat(stat.exitCode()).as(stat.err()).isZero();
        assertThat(full.exitCode()).as(full.err()).isZero();
    }

    @Test
    void theOverviewHasALinePerStepThatAgreesWithTheStepBelow() {
        String overview = stat.out().substring(0, stat.out().indexOf("\nNow:\n"));
        List<String[]> rows = matches(OVERVIEW_ROW, overview);
        List<String[]> steps = new ArrayList<>();
        for (String section : sections(stat.out())) {
            String[] step = matches(STEP, section).get(0);
            steps.add(new String[] {step[0], step[1], step[2], only(BUSIEST, section), only(WORST, section), step[3]});
        }

        assertThat(overview).contains("Overview: 32 steps, each one pull request, one open at a time")
                .contains("  step    kind                util  N+1 worst  pull request");
        assertThat(rows).hasSize(32);
        assertThat(rows).usingElementComparator((a, b) -> String.join("|", a).compareTo(String.join("|", b)))
                .containsExactlyElementsOf(steps);
        assertThat(rows.get(0)).containsExactly("1", "32", "add-cluster", "50%", "67%",
                "Add cluster prod-euw-03 (replacing prod-euw-01)");
    }

    @Test
    void theOverviewTotalsStepsByKindAndNamesTheHighestUtilisationAndTheRule() {
        Map<String, Integer> byKind = new LinkedHashMap<>();
        matches(STEP, stat.out()).forEach(step -> byKind.merge(step[2], 1, Integer::sum));
        String expected = String.join(", ", byKind.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList());

        assertThat(expected).isEqualTo("4 add-cluster, 4 enroll-cluster, 16 shift-traffic, 4 drain-cluster, 4 retire-cluster");
        assertThat(stat.out()).contains("  By kind: " + expected + "\n")
                .contains("  Highest: util 50% (step 1/32), N+1 worst 67% (step 1/32)\n")
                .contains("  Checked after every step against N+1 of policy default. util: the busiest cluster's load at peak\n"
                        + "  demand over its capacity, at most 80%. N+1 worst: the same after losing the 1 serving cluster that\n"
                        + "  hurts most, at most 100%.\n");
    }

    @Test
    void everyCapacityTableLabelsItsColumnsAndShowsTheLimitsAndTheVerdict() {
        String now = stat.out().substring(stat.out().indexOf("\nNow:\n"));

        assertThat(now).startsWith("""

                Now:
                                     weight on the load balancer       at peak demand
                  cluster            api.example.com shop.example.com  load rps capacity rps  util
                  prod-euw-01                    100              100       500         1200   42%
                """);
        assertThat(now).contains("""
                  peak demand: api.example.com 600 rps, shop.example.com 1400 rps
                  capacity rule N+1, at most 80% utilisation: passes
                    busiest: prod-use-01 at 50% (limit 80%)
                    N+1 worst case: losing prod-euw-01 puts prod-use-01 at 667 rps of 1000 rps = 67% (limit 100%)
                """);
        for (String section : sections(stat.out())) {
            assertThat(section).contains("capacity rule N+1, at most 80% utilisation: passes", "N+1 worst case: losing ");
            if (!section.contains("No weight or load moved")) {
                assertThat(section).contains("weight on the load balancer", "load rps capacity rps  util");
            }
        }
    }

    @Test
    void aStepListsOnlyTheClustersWhoseWeightOrLoadMoved() {
        String out = stat.out();
        String add = out.substring(out.indexOf("Step 1/32"), out.indexOf("Step 2/32"));
        String enroll = out.substring(out.indexOf("Step 2/32"), out.indexOf("Step 3/32"));
        String shift = out.substring(out.indexOf("Step 3/32"), out.indexOf("Step 4/32"));

        assertThat(add).contains("""
                After this step:
                  Moved: 1 of 5 clusters (the others within 0.5 rps of the load last listed, same weights):
                                     weight on the load balancer       at peak demand
                  cluster            api.example.com shop.example.com  load rps capacity rps  util
                  prod-euw-03                      0                0         0         1200    0%
                  capacity rule N+1, at most 80% utilisation: passes
                """);
        assertThat(enroll).contains("""
                After this step:
                  No weight or load moved (5 clusters, loads within 0.5 rps of the rows last listed).
                  capacity rule N+1, at most 80% utilisation: passes
                """);
        assertThat(shift).contains("  Every cluster's weight or load moved (5 clusters):\n")
                .contains("  prod-euw-03                     10               10        49         1200    4%\n")
                .doesNotContain("peak demand:");
    }

    @Test
    void aTableWhoseStateBreaksTheRuleSaysItFailsAndWhy() {
        var fleet = ExampleFleet.read(ExampleFleet.files());
        TrafficState state = TrafficState.of(fleet, Set.of("api.example.com", "shop.example.com"), List.of());
        StringWriter text = new StringWriter();

        CapacityTable.render(state, CapacityCheck.check(state, new CapacityRule(1, 0.45)), new PrintWriter(text, true));

        assertThat(text.toString()).contains("capacity rule N+1, at most 45% utilisation: FAILS")
                .contains("busiest: prod-use-01 at 50% (limit 45%)")
                .contains("VIOLATION: prod-use-01 would carry 500 rps of its 1000 rps capacity = 50%, above the maximum"
                        + " utilisation of 45%");
    }

    @Test
    void longPlansShowDiffStatsByDefaultAndSayHowToSeeTheDiffs() {
        assertThat(stat.out()).doesNotContain("diff --git")
                .contains("  Diffs are summed up per file (more than 10 steps); --diff full shows every line.")
                .contains("""
                        Files:
                          modify  traffic/api.yaml  | 2 +-
                          modify  traffic/shop.yaml | 2 +-
                          2 files changed, 2 insertions(+), 2 deletions(-)
                        """);
        assertThat(full.out()).doesNotContain("Diffs are summed up");
    }

    @Test
    void theStatCountsTheLinesOfTheFullDiff() {
        Pattern statLine = Pattern.compile("(?m)^  (?:create|modify|delete) +(\\S+) +\\| +(\\d+) ([+-]*)$");
        Pattern total = Pattern.compile("(?m)^  (\\d+) files? changed, (\\d+) insertions?\\(\\+\\), (\\d+) deletions?\\(-\\)$");
        List<String> sections = sections(full.out());
        assertThat(sections).hasSize(32);
        for (String section : sections) {
            Map<String, int[]> fromDiff = countDiffLines(section);
            int files = 0;
            int added = 0;
            int removed = 0;
            for (String[] line : matches(statLine, section)) {
                int[] counted = fromDiff.get(line[0]);
                assertThat(counted).as(line[0]).isNotNull();
                assertThat(Integer.parseInt(line[1])).as(line[0]).isEqualTo(counted[0] + counted[1]);
                int most = fromDiff.values().stream().mapToInt(c -> c[0] + c[1]).max().orElseThrow();
                if (most <= 40) {
                    assertThat(line[2]).isEqualTo("+".repeat(counted[0]) + "-".repeat(counted[1]));
                } else {
                    // Like git, scaled to the widest bar of the step.
                    assertThat(line[2].length()).isBetween(1, 40);
                }
                files++;
                added += counted[0];
                removed += counted[1];
            }
            assertThat(files).isEqualTo(fromDiff.size());
            assertThat(matches(total, section).get(0)).containsExactly(String.valueOf(files), String.valueOf(added),
                    String.valueOf(removed));
        }
    }

    @Test
    void diffNoneListsOnlyTheFiles() {
        Cli none = Cli.run("plan", "fleet-repo-example", "--skip-builds", "--diff", "none");

        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).doesNotContain("diff --git", " | ", "files changed")
                .contains("Files:\n  modify  traffic/api.yaml\n  modify  traffic/shop.yaml\n\nAfter this step:");
    }

    @Test
    void shortPlansShowTheWholeDiffByDefault(@TempDir Path dir) throws Exception {
        var files = ExampleFleet.withEdit(ExampleFleet.withStrategy("rolling"), "clusters/prod-use-01/cluster.yaml",
                "    env: production\n", "    env: production\n    wave: first\n");
        files = ExampleFleet.withEdit(files, "rollouts/production-1-31.yaml", "      env: production\n", "      wave: first\n");
        ExampleFleet.write(files, dir);

        Cli cli = Cli.run("plan", dir.toString(), "--skip-builds");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Overview: 6 steps").contains("diff --git a/traffic/api.yaml b/traffic/api.yaml")
                .doesNotContain("Diffs are summed up");
    }

    /** Per file of a step's unified diff: lines added and removed. */
    private static Map<String, int[]> countDiffLines(String section) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        int[] current = null;
        for (String line : section.split("\n")) {
            if (line.startsWith("diff --git a/")) {
                current = new int[2];
                counts.put(line.substring("diff --git a/".length(), line.indexOf(" b/")), current);
            } else if (current != null && line.startsWith("+") && !line.startsWith("+++ ")) {
                current[0]++;
            } else if (current != null && line.startsWith("-") && !line.startsWith("--- ")) {
                current[1]++;
            } else if (line.startsWith("After this step:")) {
                current = null;
            }
        }
        return counts;
    }

    /** The text of each step, from its "Step k/n" line to the next one. */
    private static List<String> sections(String out) {
        String[] parts = out.split("\n={100}\n");
        return List.of(parts).subList(1, parts.length);
    }

    private static List<String[]> matches(Pattern pattern, String text) {
        List<String[]> all = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String[] groups = new String[m.groupCount()];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = m.group(i + 1);
            }
            all.add(groups);
        }
        return all;
    }

    private static String only(Pattern pattern, String text) {
        List<String[]> found = matches(pattern, text);
        assertThat(found).as(pattern.pattern()).hasSize(1);
        return found.get(0)[0];
    }
}
