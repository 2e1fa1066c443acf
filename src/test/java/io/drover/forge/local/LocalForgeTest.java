package io.drover.forge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.forge.CommitStatus;
import io.drover.forge.ForgeException;
import io.drover.forge.NewPullRequest;
import io.drover.forge.PullRequest;
import io.drover.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local forge over a real bare repository: merges as GitHub makes them, and everything kept on disk. */
class LocalForgeTest {

    private static final ForgeUser BOT = new ForgeUser("drover", 1, true, "write", "Drover", "drover@fleet.example");
    private static final ForgeUser ROBIN = new ForgeUser("robin", 2, false, "admin", "Robin Reviewer", "robin@fleet.example");
    private static final PersonIdent SOMEONE = new PersonIdent("Someone", "someone@fleet.example", Instant.parse("2026-11-24T09:00:00Z"),
            ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private LocalRepository origin;
    private LocalForge forge;

    @BeforeEach
    void setUp() throws Exception {
        origin = LocalRepository.create(tmp.resolve("origin.git"), "main");
        origin.commit("main", Map.of("a.txt", "one\n", "b.txt", "two\n"), "Start", SOMEONE);
        forge = LocalForge.open(origin, tmp.resolve("forge"), "acme", "main", BOT, clock).addUser(ROBIN);
    }

    @AfterEach
    void tearDown() {
        origin.close();
    }

    @Test
    void aReviewersMergeIsAMergeCommitTitledAsOnGitHub() throws Exception {
        PullRequest pr = openFrom("drover/r/step-1", Map.of("a.txt", "changed\n"));

        String merge = forge.mergeAs(ROBIN, pr.number());

        try (RevWalk walk = new RevWalk(origin.repository())) {
            RevCommit commit = walk.parseCommit(origin.tip("main").orElseThrow());
            assertThat(commit.name()).isEqualTo(merge);
            assertThat(commit.getParentCount()).isEqualTo(2);
            assertThat(commit.getFullMessage()).isEqualTo("Merge pull request #1 from acme/drover/r/step-1\n\nStep 1");
            assertThat(commit.getAuthorIdent().getName()).isEqualTo("Robin Reviewer");
        }
        PullRequest merged = forge.findByHead("drover/r/step-1").orElseThrow();
        assertThat(merged.state()).isEqualTo(PullRequest.State.MERGED);
        assertThat(merged.mergeCommitSha()).contains(merge);
        assertThat(forge.mergedBy(1)).contains("robin");
        assertThat(origin.repository().resolve("refs/pull/1/head").name()).isEqualTo(pr.headSha());
    }

    @Test
    void droversMergeKeepsItsMessageAfterGitHubsTitleAndRefusesAMovedHead() throws Exception {
        PullRequest pr = openFrom("drover/r/step-1", Map.of("a.txt", "changed\n"));

        assertThat(forge.merge(pr.number(), "0".repeat(40), "Step 1")).isFalse();
        assertThat(forge.merge(pr.number(), pr.headSha(), "Step 1\n\nDrover-Auto-Merged: policy default")).isTrue();

        try (RevWalk walk = new RevWalk(origin.repository())) {
            RevCommit commit = walk.parseCommit(origin.tip("main").orElseThrow());
            assertThat(commit.getFullMessage()).isEqualTo(
                    "Merge pull request #1 from acme/drover/r/step-1\n\nStep 1\n\nDrover-Auto-Merged: policy default");
            assertThat(commit.getAuthorIdent().getName()).isEqualTo("Drover");
        }
    }

    @Test
    void aConflictingPullRequestIsNotMergeable() throws Exception {
        PullRequest pr = openFrom("drover/r/step-1", Map.of("a.txt", "theirs\n"));
        origin.commit("main", Map.of("a.txt", "ours\n"), "Someone else", SOMEONE);

        assertThat(forge.readiness(pr.number()).mergeable()).isFalse();
        assertThat(forge.readiness(pr.number()).reason()).contains("conflicts with main");
        assertThat(forge.merge(pr.number(), pr.headSha(), "Step 1")).isFalse();
        assertThatThrownBy(() -> forge.mergeAs(ROBIN, pr.number())).isInstanceOf(ForgeException.class).hasMessageContaining("conflicts");
    }

    @Test
    void aSecondOpenPullRequestFromOneHeadIsRefusedAsOnGitHub() throws Exception {
        openFrom("drover/r/step-1", Map.of("a.txt", "changed\n"));

        assertThatThrownBy(() -> forge.open(new NewPullRequest("drover/r/step-1", "main", "again", "", List.of())))
                .isInstanceOf(ForgeException.class).hasMessageContaining("already exists");
    }

    @Test
    void everythingIsReadBackByAForgeOpenedLater() throws Exception {
        PullRequest pr = openFrom("drover/r/step-1", Map.of("a.txt", "changed\n"));
        forge.addLabels(pr.number(), List.of("drover", "drover/add-cluster"));
        forge.comment(pr.number(), "<!-- drover:gate-passed -->");
        long command = forge.commentAs(ROBIN, pr.number(), "/drover pause");
        forge.react(command, "eyes");
        forge.react(command, "eyes");
        forge.status(pr.headSha(), new CommitStatus(CommitStatus.State.SUCCESS, "drover/gate", "passed"));
        var issue = forge.createIssue("Rollout r", "dashboard", List.of("drover"));

        LocalForge again = LocalForge.open(origin, tmp.resolve("forge"), "acme", "main", BOT, clock);

        PullRequest read = again.findByHead("drover/r/step-1").orElseThrow();
        assertThat(read.labels()).containsExactly("drover", "drover/add-cluster");
        assertThat(read.author()).isEqualTo("drover");
        assertThat(again.comments(pr.number())).extracting(c -> c.author() + ": " + c.body())
                .containsExactly("drover: <!-- drover:gate-passed -->", "robin: /drover pause");
        assertThat(again.reactions(command)).containsExactly("eyes");
        assertThat(again.statuses(pr.headSha()).get("drover/gate").state()).isEqualTo(CommitStatus.State.SUCCESS);
        assertThat(again.issue(issue.number())).hasValueSatisfying(i -> assertThat(i.body()).isEqualTo("dashboard"));
        // One sequence of numbers for pull requests and issues, carried on after a restart.
        assertThat(issue.number()).isEqualTo(2);
        assertThat(again.createIssue("next", "", List.of()).number()).isEqualTo(3);
    }

    @Test
    void permissionsAreThoseGivenAndNoneForStrangers() {
        assertThat(forge.permission("ROBIN").permission()).isEqualTo("admin");
        assertThat(forge.permission("drover").permission()).isEqualTo("write");
        assertThat(forge.permission("mallory").permission()).isEqualTo("none");
    }

    private PullRequest openFrom(String branch, Map<String, String> files) throws Exception {
        origin.move("refs/heads/" + branch, origin.tip("main").orElseThrow());
        origin.commit(branch, files, "Step 1", BOT.at(clock.instant()));
        return forge.open(new NewPullRequest(branch, "main", "Step 1", "body", List.of("drover")));
    }
}
