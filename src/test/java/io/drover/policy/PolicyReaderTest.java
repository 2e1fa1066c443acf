package io.drover.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.drover.model.FleetFiles;
import io.drover.model.KubeVersion;
import io.drover.model.LabelSelector;
import io.drover.model.Problem;
import io.drover.model.Rollout;
import io.drover.model.StepKind;
import io.drover.model.Strategy;
import io.drover.model.Team;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped policies, the catalog's lookup order, and every problem a policy file can have. */
class PolicyReaderTest {

    private static final FleetFiles FLEET_WITHOUT_POLICIES = FleetFiles.of(Map.of("clusters/a/cluster.yaml", "kind: Cluster\n"));
    private static final String PATH = "policies/default.yaml";
    private static final String STEP_KINDS =
            "add-cluster, enroll-cluster, shift-traffic, drain-cluster, retire-cluster, upgrade-in-place, migrate-apps";

    // --- the shipped policies, through the catalog

    @Test
    void shippedDefaultPolicy() throws Exception {
        Policy policy = PolicyCatalog.find(FLEET_WITHOUT_POLICIES, "default").orElseThrow();

        assertThat(policy.name()).isEqualTo("default");
        assertThat(policy.source()).isEqualTo("Drover's policies/default.yaml");
        assertThat(policy.trafficRamp()).containsExactly(10, 25, 50, 100);
        assertThat(policy.soak()).containsOnly(
                entry(StepKind.ADD_CLUSTER, Duration.ofMinutes(5)),
                entry(StepKind.ENROLL_CLUSTER, Duration.ofMinutes(10)),
                entry(StepKind.MIGRATE_APPS, Duration.ofMinutes(10)),
                entry(StepKind.SHIFT_TRAFFIC, Duration.ofMinutes(15)),
                entry(StepKind.DRAIN_CLUSTER, Duration.ofMinutes(15)),
                entry(StepKind.UPGRADE_IN_PLACE, Duration.ofMinutes(15)),
                entry(StepKind.RETIRE_CLUSTER, Duration.ZERO));
        assertThat(policy.clustersInFlight()).isEqualTo(ClustersInFlight.ONE);
        assertThat(policy.capacity()).isEqualTo(new Policy.CapacityRule(1, 0.8));
        assertThat(policy.capacity().name()).isEqualTo("N+1");
        assertThat(policy.freezeWindows()).isEmpty();
        assertThat(policy.changeWindows()).containsExactly(new TimeWindow.Weekly("working-days",
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                LocalTime.of(8, 0), LocalTime.of(18, 0), false, ZoneId.of("UTC")));
        assertThat(policy.autoMerge()).isEmpty();
        assertThat(policy.defaultGateTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(policy.gateTimeouts()).containsOnly(entry(StepKind.ADD_CLUSTER, Duration.ofMinutes(60)));
        assertThat(policy.gateTimeoutOf(StepKind.ADD_CLUSTER)).isEqualTo(Duration.ofMinutes(60));
        assertThat(policy.gateTimeoutOf(StepKind.SHIFT_TRAFFIC)).isEqualTo(Duration.ofMinutes(30));
        assertThat(policy.chatOps()).isEqualTo(Policy.ChatOpsAccess.NONE);
        assertThat(policy.newClusterName()).isEqualTo("{prefix}-{seq}");
        assertThat(policy.automaticRollback()).isFalse();
    }

    @Test
    void shippedConservativePolicy() throws Exception {
        Policy policy = PolicyCatalog.find(FLEET_WITHOUT_POLICIES, "conservative").orElseThrow();

        assertThat(policy.name()).isEqualTo("conservative");
        assertThat(policy.source()).isEqualTo("Drover's policies/conservative.yaml");
        assertThat(policy.trafficRamp()).containsExactly(5, 10, 25, 50, 75, 100);
        assertThat(policy.soakOf(StepKind.ADD_CLUSTER)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.soakOf(StepKind.SHIFT_TRAFFIC)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.soakOf(StepKind.RETIRE_CLUSTER)).isEqualTo(Duration.ofMinutes(30));
        assertThat(policy.soak()).hasSize(7);
        assertThat(policy.clustersInFlight()).isEqualTo(ClustersInFlight.ONE);
        assertThat(policy.capacity()).isEqualTo(new Policy.CapacityRule(2, 0.6));
        assertThat(policy.capacity().name()).isEqualTo("N+2");
        assertThat(policy.freezeWindows()).containsExactly(
                // whole days in New York (UTC-5 in November), the until date included
                new TimeWindow.DateRange("retail-peak-2026",
                        Instant.parse("2026-11-23T05:00:00Z"), Instant.parse("2026-12-02T05:00:00Z")),
                new TimeWindow.Weekly("weekends", Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                        LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, true, ZoneId.of("Europe/Berlin")));
        assertThat(policy.changeWindows()).containsExactly(new TimeWindow.Weekly("weekday-mornings",
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
                LocalTime.of(9, 0), LocalTime.of(13, 0), false, ZoneId.of("Europe/Berlin")));
        assertThat(policy.autoMerge()).isEmpty();
        assertThat(policy.defaultGateTimeout()).isEqualTo(Duration.ofMinutes(45));
        assertThat(policy.gateTimeoutOf(StepKind.ADD_CLUSTER)).isEqualTo(Duration.ofMinutes(90));
        assertThat(policy.gateTimeoutOf(StepKind.DRAIN_CLUSTER)).isEqualTo(Duration.ofMinutes(45));
        assertThat(policy.chatOps()).isEqualTo(Policy.ChatOpsAccess.NONE);
        assertThat(policy.automaticRollback()).isTrue();
    }

    @Test
    void everyShippedPolicyResolves() throws Exception {
        for (String name : PolicyCatalog.SHIPPED) {
            assertThat(PolicyCatalog.find(FLEET_WITHOUT_POLICIES, name).orElseThrow().name()).isEqualTo(name);
        }
    }

    @Test
    void theFleetsOwnPolicyWinsOverDrovers() throws Exception {
        FleetFiles fleet = FleetFiles.of(Map.of(PATH, shippedDefault()
                .replace("trafficRamp: [10, 25, 50, 100]", "trafficRamp: [50, 100]")
                .replace("automaticRollback: false", "automaticRollback: true")));

        Policy own = PolicyCatalog.find(fleet, "default").orElseThrow();

        assertThat(own.source()).isEqualTo(PATH);
        assertThat(own.trafficRamp()).containsExactly(50, 100);
        assertThat(own.automaticRollback()).isTrue();
        // Names the fleet does not define still come from Drover.
        assertThat(PolicyCatalog.find(fleet, "conservative").orElseThrow().source()).isEqualTo("Drover's policies/conservative.yaml");
    }

    @Test
    void theFleetMayAddPoliciesOfItsOwn() throws Exception {
        FleetFiles fleet = FleetFiles.of(Map.of("policies/fast.yaml", """
                apiVersion: drover.io/v1alpha1
                kind: Policy
                metadata:
                  name: fast
                spec:
                  trafficRamp: [100]
                """));

        Policy fast = PolicyCatalog.find(fleet, "fast").orElseThrow();

        // Everything not written takes Drover's defaults.
        assertThat(fast.trafficRamp()).containsExactly(100);
        assertThat(fast.soakOf(StepKind.SHIFT_TRAFFIC)).isEqualTo(Duration.ZERO);
        assertThat(fast.clustersInFlight()).isEqualTo(ClustersInFlight.ONE);
        assertThat(fast.capacity()).isEqualTo(new Policy.CapacityRule(1, 0.8));
        assertThat(fast.changeWindows()).isEmpty();
        assertThat(fast.defaultGateTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(fast.newClusterName()).isEqualTo("{prefix}-{seq}");
        assertThat(fast.automaticRollback()).isFalse();
    }

    @Test
    void unknownPolicyNameIsReportedWhereTheRolloutNamesIt() throws Exception {
        Rollout rollout = new Rollout("upgrade", "rollouts/upgrade.yaml", LabelSelector.matchLabels(Map.of()),
                new KubeVersion(1, 31, 4), Strategy.BLUE_GREEN, "careful", 12);

        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class,
                () -> PolicyCatalog.resolve(FLEET_WITHOUT_POLICIES, rollout));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("rollouts/upgrade.yaml");
            assertThat(p.line()).isEqualTo(12);
            assertThat(p.message()).isEqualTo("rollout upgrade names the policy 'careful', but there is no"
                    + " policies/careful.yaml in the fleet repo and Drover ships none of that name");
            assertThat(p.fix()).isEqualTo("name one of conservative, default, regional in spec.policy, or add policies/careful.yaml"
                    + " to the fleet repo");
        });
        assertThat(PolicyCatalog.find(FLEET_WITHOUT_POLICIES, "careful")).isEmpty();
    }

    // --- problems, each in a copy of the shipped default policy

    @Test
    void unknownFieldGivesItsLineAndTheKnownFields() throws Exception {
        Problem problem = singleProblem(
                edit("  clustersInFlight: 1\n", "  clustersInFlight: 1\n  maxSurge: 2\n"));

        assertThat(problem.path()).isEqualTo(PATH);
        assertThat(problem.line()).isEqualTo(21);
        assertThat(problem.message()).isEqualTo("unknown field 'maxSurge'");
        assertThat(problem.fix()).isEqualTo("known fields here: autoMerge, automaticRollback, capacity, changeWindows, "
                + "chatOps, clustersInFlight, freezeWindows, gateTimeouts, newClusterName, soak, stages, trafficRamp");
    }

    @Test
    void unknownFieldInAWindow() throws Exception {
        Problem problem = singleProblem(edit("      timeZone: UTC\n", "      timezone: UTC\n"));

        assertThat(problem.line()).isEqualTo(30);
        assertThat(problem.message()).isEqualTo("unknown field 'timezone'");
        assertThat(problem.fix()).isEqualTo("known fields here: days, from, name, timeZone, until");
    }

    @Test
    void valueOfTheWrongType() throws Exception {
        Problem problem = singleProblem(edit("  clustersInFlight: 1\n", "  clustersInFlight: two\n"));

        assertThat(problem.line()).isEqualTo(20);
        assertThat(problem.message()).isEqualTo("clustersInFlight 'two' is neither a number of clusters nor a percentage");
        assertThat(problem.fix()).isEqualTo("write a whole number such as 2, or a percentage of the selected clusters such as 25%");
    }

    @Test
    void brokenYamlSyntax() throws Exception {
        Problem problem = singleProblem(edit("  clustersInFlight: 1\n", "  clustersInFlight: [1\n"));

        assertThat(problem.path()).isEqualTo(PATH);
        assertThat(problem.message()).startsWith("not valid YAML: ");
        assertThat(problem.fix()).isEqualTo("correct the YAML syntax at that line");
        assertThat(problem.line()).isBetween(20, 22);
    }

    @Test
    void emptyFile() throws Exception {
        Problem problem = singleProblem("# nothing here yet\n");

        assertThat(problem.line()).isZero();
        assertThat(problem.message()).isEqualTo("the policy file is empty");
    }

    @Test
    void rampNotEndingAt100() throws Exception {
        Problem problem = singleProblem(edit("trafficRamp: [10, 25, 50, 100]", "trafficRamp: [10, 25, 50]"));

        assertThat(problem.line()).isEqualTo(9);
        assertThat(problem.message()).isEqualTo("trafficRamp [10, 25, 50] is not a rising list of percentages ending at 100");
        assertThat(problem.fix()).isEqualTo("write it like [10, 25, 50, 100]");
    }

    @Test
    void rampNotRising() throws Exception {
        Problem problem = singleProblem(edit("trafficRamp: [10, 25, 50, 100]", "trafficRamp: [10, 50, 25, 100]"));

        assertThat(problem.line()).isEqualTo(9);
        assertThat(problem.message()).isEqualTo("trafficRamp [10, 50, 25, 100] is not a rising list of percentages ending at 100");
    }

    @Test
    void rampRepeatingAStepOrStartingAtZero() throws Exception {
        assertThat(singleProblem(edit("[10, 25, 50, 100]", "[10, 25, 25, 100]")).message()).startsWith("trafficRamp");
        assertThat(singleProblem(edit("[10, 25, 50, 100]", "[0, 50, 100]")).message()).startsWith("trafficRamp");
        assertThat(singleProblem(edit("[10, 25, 50, 100]", "[]")).message()).startsWith("trafficRamp []");
    }

    @Test
    void unknownStepKindInSoak() throws Exception {
        Problem problem = singleProblem(edit("    add-cluster: 5m\n", "    add-clusters: 5m\n"));

        assertThat(problem.line()).isEqualTo(12);
        assertThat(problem.message()).isEqualTo("soak names unknown step kind 'add-clusters'");
        assertThat(problem.fix()).isEqualTo("use step kinds: " + STEP_KINDS);
    }

    @Test
    void unknownStepKindInAutoMerge() throws Exception {
        Problem problem = singleProblem(edit("  autoMerge: []", "  autoMerge: [shift-traffic, deploy]"));

        assertThat(problem.line()).isEqualTo(32);
        assertThat(problem.message()).isEqualTo("autoMerge names unknown step kind 'deploy'");
        assertThat(problem.fix()).isEqualTo("use step kinds: " + STEP_KINDS);
    }

    @Test
    void knownStepKindsInAutoMerge() throws Exception {
        Policy policy = PolicyReader.read(PATH, edit("  autoMerge: []", "  autoMerge: [shift-traffic, retire-cluster]"));

        assertThat(policy.autoMerge()).containsExactlyInAnyOrder(StepKind.SHIFT_TRAFFIC, StepKind.RETIRE_CLUSTER);
    }

    @Test
    void unknownStepKindInGateTimeoutsMentionsDefault() throws Exception {
        Problem problem = singleProblem(edit("    add-cluster: 60m\n", "    add-node: 60m\n"));

        assertThat(problem.line()).isEqualTo(36);
        assertThat(problem.message()).isEqualTo("gateTimeouts names unknown step kind 'add-node'");
        assertThat(problem.fix()).isEqualTo("use step kinds: " + STEP_KINDS + ", or default");
    }

    @Test
    void badDuration() throws Exception {
        Problem problem = singleProblem(edit("    shift-traffic: 15m\n", "    shift-traffic: 15 minutes\n"));

        assertThat(problem.line()).isEqualTo(15);
        assertThat(problem.message()).isEqualTo("'15 minutes' is not a duration");
        assertThat(problem.fix()).isEqualTo("write durations like 30s, 15m, 2h or 1d");
    }

    @Test
    void negativeDuration() throws Exception {
        Problem problem = singleProblem(edit("    default: 30m\n", "    default: -30m\n"));

        assertThat(problem.line()).isEqualTo(35);
        assertThat(problem.message()).isEqualTo("'-30m' is not a duration");
    }

    @Test
    void emptyDuration() throws Exception {
        // "shift-traffic:" with no value must be reported, not crash the reader.
        Problem problem = singleProblem(edit("    shift-traffic: 15m\n", "    shift-traffic:\n"));

        assertThat(problem.line()).isEqualTo(15);
        assertThat(problem.message()).contains("not a duration");
    }

    @Test
    void durationsInEveryDocumentedUnit() throws Exception {
        Policy policy = PolicyReader.read(PATH, edit("""
                    add-cluster: 5m
                    enroll-cluster: 10m
                """, """
                    add-cluster: 30s
                    enroll-cluster: 2h
                    migrate-apps: 1d
                """).replace("    migrate-apps: 10m\n", ""));

        assertThat(policy.soakOf(StepKind.ADD_CLUSTER)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.soakOf(StepKind.ENROLL_CLUSTER)).isEqualTo(Duration.ofHours(2));
        assertThat(policy.soakOf(StepKind.MIGRATE_APPS)).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void badTimeZone() throws Exception {
        Problem problem = singleProblem(edit("      timeZone: UTC\n", "      timeZone: Europe/Atlantis\n"));

        // The window starts at line 26; its timeZone is at line 30.
        assertThat(problem.line()).isEqualTo(30);
        assertThat(problem.message()).isEqualTo("working-days: unknown time zone 'Europe/Atlantis'");
        assertThat(problem.fix()).isEqualTo("use an IANA zone such as Europe/Berlin");
    }

    @Test
    void badTimeOfDay() throws Exception {
        Problem problem = singleProblem(edit("from: \"08:00\"", "from: \"8am\""));

        // The line of from, not of the window (26).
        assertThat(problem.line()).isEqualTo(28);
        assertThat(problem.message()).isEqualTo("working-days: '8am' is not a time of day");
        assertThat(problem.fix()).isEqualTo("write times as \"HH:MM\" in quotes");
    }

    @Test
    void unknownDay() throws Exception {
        Problem problem = singleProblem(edit("days: [MON, TUE, WED, THU, FRI]", "days: [MON, TUE, WED, THU, FRY]"));

        assertThat(problem.line()).isEqualTo(27);
        assertThat(problem.message()).isEqualTo("working-days: unknown day 'FRY'");
    }

    @Test
    void dateRangeEndingBeforeItStarts() throws Exception {
        Problem problem = singleProblem(edit("  freezeWindows: []\n", """
                  freezeWindows:
                    - name: backwards
                      from: 2026-12-01
                      until: 2026-11-23
                """));

        // The line of until.
        assertThat(problem.line()).isEqualTo(27);
        assertThat(problem.message()).isEqualTo("backwards: until is not after from");
    }

    @Test
    void dateThatIsNotADate() throws Exception {
        Problem problem = singleProblem(edit("  freezeWindows: []\n", """
                  freezeWindows:
                    - name: peak
                      from: 2026-11-23
                      until: end of November
                """));

        assertThat(problem.line()).isEqualTo(27);
        assertThat(problem.message()).isEqualTo("peak: 'end of November' is neither a date nor a date-time");
    }

    @Test
    void maxUtilisationAboveOne() throws Exception {
        Problem problem = singleProblem(edit("maxUtilisation: 0.8", "maxUtilisation: 1.5"));

        assertThat(problem.line()).isEqualTo(23);
        assertThat(problem.message()).isEqualTo("maxUtilisation 1.5 is not a fraction in (0, 1]");
        assertThat(problem.fix()).isEqualTo("write 0.75 for 75%");
    }

    @Test
    void maxUtilisationOfExactlyOneIsAllowed() throws Exception {
        assertThat(PolicyReader.read(PATH, edit("maxUtilisation: 0.8", "maxUtilisation: 1")).capacity().maxUtilisation())
                .isEqualTo(1.0);
    }

    @Test
    void clustersInFlightBelowOne() throws Exception {
        Problem problem = singleProblem(edit("  clustersInFlight: 1\n", "  clustersInFlight: 0\n"));

        assertThat(problem.line()).isEqualTo(20);
        assertThat(problem.message()).isEqualTo("clustersInFlight must be at least 1");
    }

    @Test
    void newClusterNameWithoutSeqOrVersion() throws Exception {
        Problem problem = singleProblem(edit("newClusterName: \"{prefix}-{seq}\"", "newClusterName: \"{prefix}-new\""));

        assertThat(problem.line()).isEqualTo(42);
        assertThat(problem.message()).isEqualTo("newClusterName '{prefix}-new' gives every new cluster the same name");
    }

    @Test
    void wrongKind() throws Exception {
        Problem problem = singleProblem(edit("kind: Policy", "kind: Rollout"));

        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.message()).isEqualTo("kind is 'Rollout'");
        assertThat(problem.fix()).isEqualTo("set kind: Policy");
    }

    @Test
    void chatOpsAllowsByNumericIdToSteerOrOnlyToPause() throws Exception {
        Policy policy = PolicyReader.read(PATH, edit("    steer: []", "    steer: [583231]")
                .replace("    pause: []", "    pause: [9, 583231]"));

        assertThat(policy.chatOps().steer()).containsExactly(583231L);
        assertThat(policy.chatOps().pause()).containsExactlyInAnyOrder(9L, 583231L);
    }

    @Test
    void chatOpsRefusesLogins() throws Exception {
        Problem problem = singleProblem(edit("    steer: []", "    users: [alice]"));

        assertThat(problem.message()).isEqualTo("chatOps.users names logins, which can be renamed and then taken by someone else");
        assertThat(problem.fix()).contains("numeric GitHub user ids under chatOps.steer", "chatOps.teams or chatOps.pauseTeams");
    }

    @Test
    void chatOpsAllowsTeamsToSteerOrOnlyToPause() throws Exception {
        Policy policy = PolicyReader.read(PATH, edit("    teams: []", "    teams: [acme/release-captains]")
                .replace("    pauseTeams: []", "    pauseTeams: [acme/oncall, partner-org/sre_24.7]"));

        assertThat(policy.chatOps().steerTeams()).containsExactly(new Team("acme", "release-captains"));
        assertThat(policy.chatOps().pauseTeams()).containsExactlyInAnyOrder(new Team("acme", "oncall"),
                new Team("partner-org", "sre_24.7"));
    }

    @Test
    void aTeamNotWrittenAsOrgSlashSlugIsNamedWithItsLine() throws Exception {
        String text = edit("    teams: []", "    teams:\n      - acme/ok\n      - platform-oncall\n      - acme/a/b")
                .replace("    pauseTeams: []", "    pauseTeams: [\"@acme/oncall\"]");
        int teamsLine = lineOf(text, "    teams:");

        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class, () -> PolicyReader.read(PATH, text));

        assertThat(e.problems()).extracting(Problem::path, Problem::line, Problem::message).containsExactly(
                tuple(PATH, teamsLine + 2, "chatOps.teams holds 'platform-oncall', which is not a team"),
                tuple(PATH, teamsLine + 3, "chatOps.teams holds 'acme/a/b', which is not a team"),
                tuple(PATH, teamsLine + 4, "chatOps.pauseTeams holds '@acme/oncall', which is not a team"));
        assertThat(e.problems().get(0).fix()).startsWith("write org/team-slug, e.g. acme/platform-oncall");
    }

    private static int lineOf(String text, String start) {
        List<String> lines = text.lines().toList();
        return lines.indexOf(lines.stream().filter(l -> l.startsWith(start)).findFirst().orElseThrow()) + 1;
    }

    @Test
    void chatOpsRefusesALoginWhereAnIdBelongs() throws Exception {
        Problem problem = singleProblem(edit("    steer: []", "    steer: [alice]"));

        assertThat(problem.message() + " " + problem.fix()).contains("steer");
    }

    @Test
    void severalProblemsAreReportedTogether() throws Exception {
        String text = edit("trafficRamp: [10, 25, 50, 100]", "trafficRamp: [10, 25, 50]")
                .replace("    shift-traffic: 15m\n", "    shift-traffic: soon\n")
                .replace("maxUtilisation: 0.8", "maxUtilisation: 1.5")
                .replace("      timeZone: UTC\n", "      timeZone: Mars/Olympus\n")
                .replace("  autoMerge: []", "  autoMerge: [deploy]");

        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class, () -> PolicyReader.read(PATH, text));

        assertThat(e.problems()).extracting(Problem::path, Problem::line, Problem::message).containsExactly(
                tuple(PATH, 9, "trafficRamp [10, 25, 50] is not a rising list of percentages ending at 100"),
                tuple(PATH, 15, "'soon' is not a duration"),
                tuple(PATH, 23, "maxUtilisation 1.5 is not a fraction in (0, 1]"),
                tuple(PATH, 30, "working-days: unknown time zone 'Mars/Olympus'"),
                tuple(PATH, 32, "autoMerge names unknown step kind 'deploy'"));
        assertThat(e.getMessage()).startsWith("invalid policy:\n  policies/default.yaml:9: trafficRamp [10, 25, 50]")
                .contains("\n      fix: write it like [10, 25, 50, 100]");
    }

    @Test
    void newClusterNameWithAnUnknownPlaceholder() throws Exception {
        Problem problem = singleProblem(edit("newClusterName: \"{prefix}-{seq}\"", "newClusterName: \"{cluster}-{seq}\""));

        assertThat(problem.line()).isEqualTo(42);
        assertThat(problem.message()).startsWith("newClusterName '{cluster}-{seq}' can never give a cluster name")
                .endsWith("it has the unknown placeholder {cluster}");
    }

    @Test
    void newClusterNameStartingWithADash() throws Exception {
        Problem problem = singleProblem(edit("newClusterName: \"{prefix}-{seq}\"", "newClusterName: \"-{prefix}-{seq}\""));

        assertThat(problem.message()).endsWith("it starts or ends with '-'");
    }

    @Test
    void newClusterNamesThatSomeClusterCouldCarryAreAccepted() throws Exception {
        for (String pattern : List.of("{prefix}-{seq}", "{name}-{version}", "{region}-k8s-{version}-{seq}")) {
            assertThat(PolicyReader.read(PATH, edit("\"{prefix}-{seq}\"", "\"" + pattern + "\"")).newClusterName())
                    .isEqualTo(pattern);
        }
    }

    @Test
    void aPolicyThatIsAListSaysSo() {
        Problem problem = singleProblem("# policies\n- kind: Policy\n  metadata: {name: default}\n");

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).isEqualTo("the policy is a list, not a mapping");
    }

    @Test
    void aDeeplyNestedPolicyIsRefusedNotInvalid() throws Exception {
        Problem problem = singleProblem(edit("  autoMerge: []", "  autoMerge: " + "[".repeat(200) + "]".repeat(200)));

        assertThat(problem.line()).isEqualTo(32);
        assertThat(problem.message()).isEqualTo("refused: mappings and lists nested more than 100 deep (Drover's limit)");
    }

    @Test
    void anUnknownAutoMergeKindIsReportedAtItsItem() throws Exception {
        Problem problem = singleProblem(edit("  autoMerge: []", "  autoMerge:\n    - add-cluster\n    - deploy"));

        assertThat(problem.line()).isEqualTo(34);
        assertThat(problem.message()).isEqualTo("autoMerge names unknown step kind 'deploy'");
    }

    @Test
    void emptyListItemsAreReportedAtTheirLineInsteadOfCrashing() throws Exception {
        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class, () -> PolicyReader.read(PATH,
                edit("days: [MON, TUE, WED, THU, FRI]", "days: [MON, ~]").replace("    steer: []", "    steer:\n      -")));

        assertThat(e.problems()).extracting(Problem::line, Problem::message).containsExactly(
                tuple(27, "spec.changeWindows[].days has an empty item"),
                tuple(39, "spec.chatOps.steer has an empty item"));
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.fix()).isEqualTo("remove it, or write its value"));
    }

    @Test
    void aListWhereAMappingBelongsNamesTheFieldNotJavaTypes() throws Exception {
        Problem problem = singleProblem(edit("  changeWindows:\n", "  changeWindows: {}\n  previousChangeWindows:\n"));

        assertThat(problem.line()).isEqualTo(25);
        assertThat(problem.message()).isEqualTo("spec.changeWindows must be a list");
    }

    // --- helpers

    private static String shippedDefault() throws IOException {
        return Files.readString(Path.of("policies/default.yaml"));
    }

    /** The shipped default policy with one string (which must occur exactly once) replaced. */
    private static String edit(String old, String replacement) throws IOException {
        String text = shippedDefault();
        int first = text.indexOf(old);
        assertThat(first).as("'%s' in the default policy", old).isNotNegative();
        assertThat(text.indexOf(old, first + 1)).as("a second '%s' in the default policy", old).isNegative();
        return text.replace(old, replacement);
    }

    private static Problem singleProblem(String text) {
        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class, () -> PolicyReader.read(PATH, text));
        assertThat(e).as("the policy was read without problems").isNotNull();
        List<Problem> problems = e.problems();
        assertThat(problems).as("exactly one problem").hasSize(1);
        assertThat(problems.get(0).path()).isEqualTo(PATH);
        return problems.get(0);
    }

    // --- waves: clustersInFlight as a number or a percentage, and stages

    @Test
    void shippedRegionalPolicyMovesAQuarterRegionByRegion() throws Exception {
        Policy policy = PolicyCatalog.find(FLEET_WITHOUT_POLICIES, "regional").orElseThrow();

        assertThat(policy.clustersInFlight()).isEqualTo(new ClustersInFlight(25, true));
        assertThat(policy.stages()).contains(new Stages("topology.kubernetes.io/region", List.of("eu-west-1")));
        assertThat(policy.capacity()).isEqualTo(new Policy.CapacityRule(1, 0.8));
    }

    @Test
    void clustersInFlightAsAPercentageRoundsUpAndIsNeverBelowOne() throws Exception {
        ClustersInFlight quarter = PolicyReader.read(PATH, edit("  clustersInFlight: 1\n", "  clustersInFlight: 25%\n"))
                .clustersInFlight();

        assertThat(quarter.of(200)).isEqualTo(50);
        assertThat(quarter.of(10)).isEqualTo(3);
        assertThat(quarter.of(3)).isEqualTo(1);
        assertThat(quarter.of(0)).isEqualTo(1);
        assertThat(new ClustersInFlight(1, true).of(1000)).isEqualTo(10);
        assertThat(new ClustersInFlight(100, true).of(7)).isEqualTo(7);
        assertThat(PolicyReader.read(PATH, edit("  clustersInFlight: 1\n", "  clustersInFlight: \"3\"\n"))
                .clustersInFlight().of(200)).isEqualTo(3);
    }

    @Test
    void badClustersInFlightValuesNameTheFileAndLine() throws Exception {
        Map<String, String> messages = Map.of(
                "0%", "clustersInFlight must be at least 1%",
                "150%", "clustersInFlight 150% is more than all the selected clusters",
                "abc", "clustersInFlight 'abc' is neither a number of clusters nor a percentage",
                "25 %", "clustersInFlight '25 %' is neither a number of clusters nor a percentage",
                "-1", "clustersInFlight '-1' is neither a number of clusters nor a percentage",
                "2.5", "clustersInFlight '2.5' is neither a number of clusters nor a percentage",
                "99999999999", "clustersInFlight 99999999999 is more than 100000");
        for (var bad : messages.entrySet()) {
            Problem problem = singleProblem(edit("  clustersInFlight: 1\n", "  clustersInFlight: \"" + bad.getKey() + "\"\n"));

            assertThat(problem.path()).as(bad.getKey()).isEqualTo(PATH);
            assertThat(problem.line()).as(bad.getKey()).isEqualTo(20);
            assertThat(problem.message()).as(bad.getKey()).isEqualTo(bad.getValue());
        }
    }

    @Test
    void stagesByALabelWithAnOrder() throws Exception {
        Policy policy = PolicyReader.read(PATH, edit("  clustersInFlight: 1\n", """
                  clustersInFlight: 2
                  stages:
                    by: drover.io/wave
                    order: [canary, 1]
                """));

        assertThat(policy.stages()).contains(new Stages("drover.io/wave", List.of("canary", "1")));
        assertThat(PolicyReader.read(PATH, edit("  clustersInFlight: 1\n", "  stages: {by: team}\n")).stages())
                .contains(new Stages("team", List.of()));
    }

    @Test
    void badStagesAreReportedAtTheirLine() throws Exception {
        String stagesAt20 = "  clustersInFlight: 1\n";
        assertThat(singleProblem(edit(stagesAt20, "  stages:\n    order: [eu-west-1]\n")))
                .extracting(Problem::line, Problem::message)
                .containsExactly(20, "stages has no 'by'");
        assertThat(singleProblem(edit(stagesAt20, "  stages:\n    by: \"region of the cluster\"\n")))
                .extracting(Problem::line, Problem::message)
                .containsExactly(21, "stages.by 'region of the cluster' is not a label key");
        assertThat(singleProblem(edit(stagesAt20, "  stages:\n    by: region\n    order:\n      - eu-west-1\n      - eu-west-1\n")))
                .extracting(Problem::line, Problem::message)
                .containsExactly(24, "stages.order names 'eu-west-1' twice");
        assertThat(singleProblem(edit(stagesAt20, "  stages:\n    by: region\n    order: [\"eu west\"]\n")))
                .extracting(Problem::line, Problem::message)
                .containsExactly(22, "stages.order holds 'eu west', which is not a label value");
        assertThat(singleProblem(edit(stagesAt20, "  stages:\n    by: region\n    sort: desc\n")))
                .extracting(Problem::line, Problem::message)
                .containsExactly(22, "unknown field 'sort'");
        assertThat(singleProblem(edit(stagesAt20, "  stages: region\n")).message())
                .isEqualTo("spec.stages must be a mapping of fields");
    }
}
