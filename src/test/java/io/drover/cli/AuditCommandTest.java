package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drover.audit.AuditEvent;
import io.drover.audit.AuditEvent.Actor;
import io.drover.git.FleetWorkspace;
import io.drover.model.FleetFiles;
import io.drover.testing.GitOrigin;
import io.drover.testing.RolloutHistory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code drover audit} on a history made with merge commits, squash merges (trailers kept in the
 * bullet list, and lost) and a rebase merge, with Drover's notes pushed to a bare origin: read back
 * from the origin's URL, from the bare origin, from Drover's clone and from a person's clone.
 */
class AuditCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Built once: every test only reads it. */
    @TempDir
    static Path built;

    private static RolloutHistory history;

    @TempDir
    Path dir;

    @BeforeAll
    static void history() throws Exception {
        history = RolloutHistory.build(built);
    }

    @AfterAll
    static void close() {
        history.origin.close();
    }

    @Test
    void eachStepShowsItsPullRequestWhoMergedItTheGateAndTheSoak() {
        Cli cli = Cli.run("audit", history.origin.url());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(cli.out()).startsWith("Audit of main at " + sha(history.step4) + ": 7 commits of its first-parent history,"
                + " with Drover's notes (refs/notes/drover)\n");
        assertThat(cli.out()).contains("""
                Rollout production-1-31: 4 steps merged, 3 decisions
                  Step 1/32 add-cluster add-prod-euw-03
                    PR #12 https://github.com/acme/fleet/pull/12
                    merged by alice at 2026-11-23T09:00:00Z, with a merge commit: %s (linked by trailers and note)
                    gate passed at 2026-11-23T09:40:00Z; soak until 2026-11-23T10:40:00Z; apps: shop-prod-euw-03, api-prod-euw-03
                  Step 2/32 enroll-cluster enroll-prod-euw-03
                    PR #13 https://github.com/acme/fleet/pull/13
                    merged by bob at 2026-11-23T11:00:00Z, squashed: %s (linked by trailers and note)
                    gate failed at 2026-11-23T11:30:00Z: shop-prod-euw-03 Degraded; apps: shop-prod-euw-03
                    gate passed at 2026-11-23T12:00:00Z; soak until 2026-11-23T13:00:00Z; apps: shop-prod-euw-03
                  Step 3/32 shift-traffic shift-prod-euw-03-10
                    PR #14 https://github.com/acme/fleet/pull/14
                    merged by alice at 2026-11-25T09:00:00Z, squashed: %s (linked by note)
                    gate passed at 2026-11-25T09:20:00Z; soak until 2026-11-25T10:20:00Z; apps: shop-prod-euw-03
                  Step 4/32 shift-traffic shift-prod-euw-03-25
                    PR #15 https://github.com/acme/fleet/pull/15
                    merged by bob at 2026-11-25T12:00:00Z, rebased: %s (linked by trailers and note)
                    no gate recorded
                """.formatted(sha(history.step1), sha(history.step2), sha(history.step3), sha(history.step4)));
    }

    @Test
    void everyDecisionShowsWhoWhatWhenAndWhy() {
        Cli cli = Cli.run("audit", history.origin.url());

        assertThat(cli.out()).contains("""
                  Decisions
                    2026-11-23T11:45:00Z  retried enroll-prod-euw-03 by alice (id 4001)  https://github.com/acme/fleet/pull/13#issuecomment-5
                    2026-11-24T08:00:00Z  paused by bob (id 4002): customer event, hold until "Monday"  https://github.com/acme/fleet/pull/13#issuecomment-8
                    2026-11-25T08:00:00Z  resumed by alice (id 4001)  https://github.com/acme/fleet/pull/13#issuecomment-9
                """);
        assertThat(cli.out()).contains("""
                Rollout staging-1-31: 1 step merged, 1 decision
                  Step 1/8 add-cluster add-staging-euw-02
                    pull request not recorded
                    merged by (not recorded) at 2026-11-22T10:00:00Z (commit time), with a merge commit: %s (linked by trailers)
                    gate failed at 2026-11-22T10:30:00Z: timed out: shop-staging-euw-02 Progressing for 30m; apps: shop-staging-euw-02
                    rollback opened at 2026-11-22T10:31:00Z as PR #9 https://github.com/acme/fleet/pull/9: gate failed
                  Decisions
                    2026-11-22T11:00:00Z  skipped enroll-staging-euw-02 by carol (id 4003): staging has no ApplicationSet for it  https://github.com/acme/fleet/pull/9#issuecomment-3
                """.formatted(sha(history.stagingStep1)));
    }

    @Test
    void eventsThisDroverDoesNotKnowAndLinesThatAreNoEventAreShownAsWritten() {
        Cli cli = Cli.run("audit", history.origin.url());

        assertThat(cli.out()).contains("""
                  Other notes (events this Drover does not know, or about no step found here), as written
                    on %1$s  {"event":"dashboard-moved","rollout":"production-1-31","issue":7}

                Note lines that are no Drover event, as written:
                  on %1$s  Reviewed-by: carol
                """.formatted(sha(history.step4)));
    }

    @Test
    void theBareOriginDroversCloneAndAPersonsCloneWithTheNotesFetchedReadTheSame() throws Exception {
        String fromUrl = Cli.run("audit", history.origin.url()).out();
        Path clone = dir.resolve("person");
        try (Git git = Git.cloneRepository().setURI(history.origin.url()).setDirectory(clone.toFile()).call()) {
            git.fetch().setRefSpecs(new RefSpec("refs/notes/drover:refs/notes/drover")).call();
        }

        for (Path local : List.of(built.resolve("origin.git"), clone, clone.resolve("clusters"))) {
            Cli cli = Cli.run("audit", local.toString());
            assertThat(cli.exitCode()).as(local + ": " + cli.err()).isZero();
            assertThat(cli.out()).as(local.toString()).isEqualTo(fromUrl);
        }
        // Drover's clone has main as it was cloned, before the rollouts, and origin's main as last fetched.
        Cli drovers = Cli.run("audit", built.resolve("drover-data").toString());
        assertThat(drovers.out()).isEqualTo(fromUrl.replaceFirst("^Audit of main ", "Audit of origin/main "));
    }

    @Test
    void withoutTheNotesOnlyTheTrailersLinkStepsAndTheSquashThatLostThemIsNotFound() throws Exception {
        Path clone = dir.resolve("person");
        Git.cloneRepository().setURI(history.origin.url()).setDirectory(clone.toFile()).call().close();

        Cli cli = Cli.run("audit", clone.toString(), "--rollout", RolloutHistory.PROD);

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Rollout production-1-31: 3 steps merged, 0 decisions\n")
                .contains("Step 1/32 add-cluster add-prod-euw-03\n    pull request not recorded\n"
                        + "    merged by (not recorded) at 2026-11-23T09:00:00Z (commit time), with a merge commit: " + sha(history.step1)
                        + " (linked by trailers)\n")
                .contains("Step 2/32 enroll-cluster enroll-prod-euw-03\n    pull request not recorded\n"
                        + "    merged by (not recorded) at 2026-11-23T11:00:00Z (commit time), merge method not recorded: "
                        + sha(history.step2) + " (linked by trailers)\n")
                .contains("Step 4/32 shift-traffic shift-prod-euw-03-25")
                .doesNotContain("Step 3/32");
    }

    @Test
    void rolloutShowsOneRolloutAndAnUnknownOneListsThoseThereAre() {
        Cli one = Cli.run("audit", history.origin.url(), "--rollout", RolloutHistory.STAGING);
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(one.out()).contains("Rollout staging-1-31:").doesNotContain("production-1-31", "Reviewed-by");

        Cli unknown = Cli.run("audit", history.origin.url(), "--rollout", "production-1-30");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err()).isEqualTo("drover audit: --rollout production-1-30: no rollout of that name in the history of"
                + " main; the rollouts there are: staging-1-31, production-1-31\n");
    }

    @Test
    void sinceKeepsTheStepsMergedAndTheDecisionsTakenFromThen() {
        Cli cli = Cli.run("audit", history.origin.url(), "--since", "2026-11-24");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Audit of main at " + sha(history.step4) + " since 2026-11-24T00:00:00Z:")
                .contains("Rollout production-1-31: 2 steps merged, 2 decisions\n  Step 3/32")
                .contains("paused by bob").contains("resumed by alice")
                .doesNotContain("staging-1-31", "Step 1/32", "Step 2/32", "retried");

        Cli moment = Cli.run("audit", history.origin.url(), "--since", "2026-11-25T10:00:00+01:00");
        assertThat(moment.out()).contains("Rollout production-1-31: 2 steps merged, 0 decisions\n  Step 3/32");

        Cli after = Cli.run("audit", history.origin.url(), "--since", "2027-01-01");
        assertThat(after.exitCode()).isZero();
        assertThat(after.out()).contains("No rollout found: no step merged and no decision taken since 2027-01-01T00:00:00Z.");
    }

    @Test
    void aSinceThatIsNoDateIsAUsageError() {
        Cli cli = Cli.run("audit", history.origin.url(), "--since", "last tuesday");

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).isEqualTo("drover audit: --since 'last tuesday' is not a date; give a day (2026-11-01, from"
                + " midnight UTC) or a moment with its offset (2026-11-01T09:30:00Z, 2026-11-01T10:30:00+01:00)\n");
    }

    @Test
    void jsonHasEachStepWithItsEventsAndTheDecisions() throws Exception {
        Cli cli = Cli.run("audit", history.origin.url(), "--output", "json", "--rollout", RolloutHistory.PROD);

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode json = JSON.readTree(cli.out());
        assertThat(json.path("schema").asText()).isEqualTo("drover.io/audit/v1");
        assertThat(json.path("head").asText()).isEqualTo(history.step4);
        assertThat(json.path("since").isNull()).isTrue();
        JsonNode rollout = json.path("rollouts").get(0);
        assertThat(rollout.path("name").asText()).isEqualTo(RolloutHistory.PROD);
        JsonNode third = rollout.path("steps").get(2);
        assertThat(third.path("step").asText()).isEqualTo("shift-prod-euw-03-10");
        assertThat(third.path("number").asInt()).isEqualTo(3);
        assertThat(third.path("mergeCommit").asText()).isEqualTo(history.step3);
        assertThat(third.path("linkedBy").asText()).isEqualTo("note");
        assertThat(third.path("pr").asInt()).isEqualTo(14);
        assertThat(third.path("method").asText()).isEqualTo("squash");
        assertThat(third.path("events").get(0).path("event").asText()).isEqualTo("gate-passed");
        assertThat(third.path("events").get(0).path("soakUntil").asText()).isEqualTo("2026-11-25T10:20:00Z");
        assertThat(rollout.path("decisions")).extracting(d -> d.path("event").asText()).containsExactly("retried", "paused", "resumed");
        assertThat(rollout.path("decisions").get(2).path("noteOn").asText()).isEqualTo(history.humanCommit);
        assertThat(rollout.path("decisions").get(1).path("byId").asLong()).isEqualTo(4002);
        assertThat(rollout.path("otherNotes").get(0).path("line").asText()).contains("dashboard-moved");
    }

    @Test
    void csvHasOneRowPerEventInTheOrderTheyHappened() {
        Cli cli = Cli.run("audit", history.origin.url(), "--output", "csv");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<List<String>> rows = Rfc4180.parse(cli.out());
        assertThat(rows.get(0)).isEqualTo(AuditCsv.HEADER);
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(AuditCsv.HEADER.size()));
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(0) + " " + row.get(1) + " " + row.get(2)).containsExactly(
                "staging-1-31 step-merged add-staging-euw-02",
                "staging-1-31 gate-failed add-staging-euw-02",
                "staging-1-31 rollback-opened add-staging-euw-02",
                "staging-1-31 skipped enroll-staging-euw-02",
                "production-1-31 step-merged add-prod-euw-03",
                "production-1-31 gate-passed add-prod-euw-03",
                "production-1-31 step-merged enroll-prod-euw-03",
                "production-1-31 gate-failed enroll-prod-euw-03",
                "production-1-31 retried enroll-prod-euw-03",
                "production-1-31 gate-passed enroll-prod-euw-03",
                "production-1-31 paused ",
                "production-1-31 resumed ",
                "production-1-31 step-merged shift-prod-euw-03-10",
                "production-1-31 gate-passed shift-prod-euw-03-10",
                "production-1-31 step-merged shift-prod-euw-03-25",
                "production-1-31 dashboard-moved ",
                "  ");
        Map<String, String> paused = cells(rows, 11);
        assertThat(paused).containsEntry("by", "bob").containsEntry("byId", "4002").containsEntry("at", "2026-11-24T08:00:00Z")
                .containsEntry("reason", "customer event, hold until \"Monday\"").containsEntry("source", "note");
        assertThat(cli.out()).contains(",\"customer event, hold until \"\"Monday\"\"\",");
        assertThat(cells(rows, 1)).containsEntry("source", "trailers").containsEntry("method", "merge").containsEntry("by", "")
                .containsEntry("mergeCommit", history.stagingStep1);
        assertThat(cells(rows, 2)).as("a step event takes the kind and position of its step").containsEntry("kind", "add-cluster")
                .containsEntry("number", "1").containsEntry("total", "8");
        assertThat(cells(rows, 16)).containsEntry("raw", "{\"event\":\"dashboard-moved\",\"rollout\":\"production-1-31\",\"issue\":7}");
        assertThat(cells(rows, 17)).containsEntry("raw", "Reviewed-by: carol").containsEntry("noteOn", history.step4);
        assertThat(cli.out()).contains("\r\n").doesNotContain("Z\n");
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAsFormulasAreQuoted() throws Exception {
        try (GitOrigin origin = GitOrigin.withFiles(dir.resolve("origin.git"), FleetFiles.of(Map.of("README.md", "fleet\n")));
                FleetWorkspace drover = FleetWorkspace.open(dir.resolve("drover-data"), origin.url(), CredentialsProvider.getDefault())) {
            String head = origin.tip("main").name();
            AuditEvent paused = AuditEvent.decision(AuditEvent.PAUSED, "production-1-31", Optional.empty(),
                    new Actor("@admins", Optional.empty()), Instant.parse("2026-11-24T08:00:00Z"),
                    Optional.of("=HYPERLINK(\"https://evil.example\",\"click\")"), "-2+3");
            drover.appendNote(head, paused.toJsonLine(), RolloutHistory.BOT, Instant.parse("2026-11-24T08:00:00Z"));
            drover.pushNotes();

            Cli cli = Cli.run("audit", origin.url(), "--output", "csv");

            assertThat(cli.exitCode()).as(cli.err()).isZero();
            assertThat(cli.out()).contains(",'@admins,,2026-11-24T08:00:00Z,,,,,\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\",'-2+3,");
            assertThat(cells(Rfc4180.parse(cli.out()), 1)).containsEntry("by", "'@admins")
                    .containsEntry("reason", "'=HYPERLINK(\"https://evil.example\",\"click\")").containsEntry("comment", "'-2+3");
        }
    }

    @Test
    void aRepositoryWithoutDroverHistorySaysNoRolloutFound() throws Exception {
        try (GitOrigin plain = GitOrigin.withFiles(dir.resolve("plain.git"), FleetFiles.of(Map.of("README.md", "hello\n")))) {
            plain.commit("main", Map.of("README.md", "hello again\n"), "Say hello again", GitOrigin.HUMAN);

            Cli text = Cli.run("audit", plain.url());
            Cli json = Cli.run("audit", plain.url(), "--output", "json");

            assertThat(text.exitCode()).as(text.err()).isZero();
            assertThat(text.out()).endsWith(": 2 commits of its first-parent history, with Drover's notes (refs/notes/drover)\n\n"
                    + "No rollout found: no commit carries Drover-Rollout trailers and no note of Drover's names a rollout.\n");
            assertThat(JSON.readTree(json.out()).path("rollouts")).isEmpty();
            Cli rollout = Cli.run("audit", plain.url(), "--rollout", "production-1-31");
            assertThat(rollout.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(rollout.err()).endsWith("; no rollout is found there at all\n");
        }
    }

    @Test
    void aRepositoryThatCannotBeReadIsExitOneAndABranchThatIsNotThereListsThoseThatAre() throws Exception {
        Cli missing = Cli.run("audit", dir.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(missing.err()).isEqualTo("drover audit: " + dir.resolve("nowhere")
                + " is neither a directory nor a URL (https://..., ssh://..., file://..., git@host:path)\n");

        Path plain = dir.resolve("plain");
        java.nio.file.Files.createDirectories(plain);
        Cli notGit = Cli.run("audit", plain.toString());
        assertThat(notGit.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(notGit.err()).isEqualTo("drover audit: " + plain + " is not in a Git repository\n");

        Cli noOrigin = Cli.run("audit", dir.resolve("nowhere.git").toUri().toString());
        assertThat(noOrigin.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(noOrigin.err()).startsWith("drover audit: cannot clone " + dir.resolve("nowhere.git").toUri());

        Cli branch = Cli.run("audit", history.origin.url(), "--branch", "master");
        assertThat(branch.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(branch.err()).isEqualTo("drover audit: --branch master: no such branch in " + history.origin.url()
                + "; give one of drover/production-1-31/add-prod-euw-03, drover/staging-1-31/add-staging-euw-02, main\n");
    }

    @Test
    void aUrlIsClonedIntoATemporaryDirectoryThatIsRemovedAfterwards() throws Exception {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = auditClones(temp);

        Cli ok = Cli.run("audit", history.origin.url());
        Cli failed = Cli.run("audit", history.origin.url(), "--branch", "master");

        assertThat(ok.exitCode()).isZero();
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(auditClones(temp)).isEqualTo(before);
    }

    private static List<Path> auditClones(Path temp) throws Exception {
        try (var files = java.nio.file.Files.list(temp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("drover-audit-")).sorted().toList();
        }
    }

    private static Map<String, String> cells(List<List<String>> rows, int index) {
        Map<String, String> cells = new java.util.HashMap<>();
        for (int i = 0; i < AuditCsv.HEADER.size(); i++) {
            cells.put(AuditCsv.HEADER.get(i), rows.get(index).get(i));
        }
        return cells;
    }

    private static String sha(String commit) {
        return commit.substring(0, 12);
    }

    /** Reads CSV as RFC 4180 writes it, to check what a spreadsheet or a CSV library gets back. */
    static final class Rfc4180 {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else {
                    cell.append(c);
                }
            }
            return rows;
        }
    }
}
