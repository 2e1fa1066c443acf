package io.drover.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.forge.Comment;
import io.drover.forge.ForgeException;
import io.drover.forge.Issue;
import io.drover.forge.NewPullRequest;
import io.drover.forge.RepositoryPermission;
import io.drover.testing.FakeForge.User;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory forge answers ChatOps' and the dashboard's questions as the GitHub adapter does. */
class FakeForgeTest {

    private static final User ALICE = User.withRole(583231, "alice", "maintain");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private FakeForge forge;

    @BeforeEach
    void start(@TempDir Path tmp) throws Exception {
        forge = new FakeForge(GitOrigin.withFiles(tmp.resolve("origin.git"), ExampleFleet.files()), clock);
    }

    @Test
    void commentsAsAUserCarryWhoMadeThemAndDroversOwnAreDrovers() throws ForgeException {
        int pr = openStep();
        forge.comment(pr, "Step opened");
        long byAlice = forge.commentAs(ALICE, pr, "/drover pause");
        forge.commentAs(User.bot(41898282, "github-actions[bot]"), pr, "/drover resume");

        List<Comment> comments = forge.comments(pr);

        assertThat(comments).extracting(Comment::author).containsExactly(FakeForge.BOT_LOGIN, "alice", "github-actions[bot]");
        assertThat(comments).extracting(Comment::bot).containsExactly(false, false, true);
        assertThat(comments.get(1).id()).isEqualTo(byAlice);
        assertThat(comments.get(1).authorId()).isEqualTo(583231);
        assertThat(comments.get(1).edited()).isFalse();
        assertThat(forge.writes()).as("only Drover's writes are recorded").containsExactly("open #1 drover/step-1", "comment #1");
    }

    @Test
    void anEditEvenWhileTheClockStandsStillAndADeletionShow() throws ForgeException {
        int pr = openStep();
        long edited = forge.commentAs(ALICE, pr, "/drover pause");
        long deleted = forge.commentAs(ALICE, pr, "/drover abort");

        forge.editComment(edited, "/drover abort");
        forge.deleteComment(deleted);

        assertThat(forge.comments(pr)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(edited);
            assertThat(c.body()).isEqualTo("/drover abort");
            assertThat(c.edited()).isTrue();
        });
    }

    @Test
    void permissionIsWhatTheUserWasGivenAndNoneForStrangers() throws ForgeException {
        forge.addUser(User.withRole(583233, "Carol", "triage"));
        forge.commentAs(ALICE, openStep(), "/drover status");

        assertThat(forge.permission("alice")).isEqualTo(new RepositoryPermission("alice", 583231, "write", "maintain"));
        assertThat(forge.permission("carol")).isEqualTo(new RepositoryPermission("Carol", 583233, "read", "triage"));
        assertThat(forge.permission("mallory")).isEqualTo(RepositoryPermission.none("mallory"));
    }

    @Test
    void reactionsAreOnePerContentAndOnlyOnCommentsThatExist() throws ForgeException {
        long command = forge.commentAs(ALICE, openStep(), "/drover status");

        forge.react(command, "eyes");
        forge.react(command, "eyes");
        forge.react(command, "+1");

        assertThat(forge.reactions(command)).containsExactly("eyes", "+1");
        forge.deleteComment(command);
        assertThatThrownBy(() -> forge.react(command, "eyes")).isInstanceOf(ForgeException.class).hasMessageContaining("404");
    }

    @Test
    void issuesShareNumbersWithPullRequestsAndTakeComments() throws ForgeException {
        int pr = openStep();
        Issue dashboard = forge.createIssue("Drover rollout prod-1.31", "planned", List.of("drover"));
        clock.advance(Duration.ofMinutes(1));
        forge.updateIssueBody(dashboard.number(), "done");
        forge.commentAs(ALICE, dashboard.number(), "/drover pause");
        int next = openStep("drover/step-2");

        assertThat(dashboard.number()).isEqualTo(pr + 1);
        assertThat(next).isEqualTo(dashboard.number() + 1);
        assertThat(forge.issue(dashboard.number())).map(Issue::body).contains("done");
        assertThat(forge.issue(pr)).isEmpty();
        assertThat(forge.comments(dashboard.number())).extracting(Comment::body).containsExactly("/drover pause");
        assertThat(forge.writes()).contains("create issue #2", "edit issue #2");
        assertThatThrownBy(() -> forge.updateIssueBody(pr, "x")).isInstanceOf(ForgeException.class);
    }

    private int openStep() throws ForgeException {
        return openStep("drover/step-1");
    }

    private int openStep(String head) throws ForgeException {
        return forge.open(new NewPullRequest(head, "main", "Step", "body", List.of())).number();
    }
}
