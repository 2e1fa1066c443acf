package io.drover.forge.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.chatops.CommandAccess;
import io.drover.chatops.CommandInbox;
import io.drover.chatops.ReceivedCommand;
import io.drover.forge.Comment;
import io.drover.forge.ForgeException;
import io.drover.forge.Issue;
import io.drover.forge.NewPullRequest;
import io.drover.forge.RepositoryPermission;
import io.drover.model.Team;
import io.drover.testing.MutableClock;
import io.drover.testing.github.Commenter;
import io.drover.testing.github.StubGitHub;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What ChatOps and the dashboard need from GitHub, through the real adapter against the stub,
 * every request and answer checked against GitHub's REST description.
 */
class GitHubForgeChatOpsTest {

    private static final Commenter ALICE = Commenter.user(583231, "alice");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private StubGitHub github;
    private GitHubForge forge;

    @BeforeEach
    void start() throws ForgeException {
        github = new StubGitHub("acme/fleet", clock);
        github.start();
        github.setBranchHead("drover/step-1", "1111111111111111111111111111111111111111");
        forge = GitHubForge.connect(github.apiUrl(), "test-token", "acme/fleet", "main", Duration.ZERO, Duration.ofSeconds(5),
                clock);
    }

    @AfterEach
    void stop() {
        github.stop();
    }

    @Test
    void commentsCarryTheAuthorsIdWhetherABotTheirTimesAndLink() throws ForgeException {
        int pr = openStep();
        long byAlice = github.commentAs(ALICE, pr, "/drover pause");
        long byBot = github.commentAs(Commenter.bot(41898282, "github-actions[bot]"), pr, "/drover resume");
        long viaApp = github.commentAs(new Commenter(583232, "bob", false, true), pr, "/drover skip");

        List<Comment> comments = forge.comments(pr);

        assertThat(comments).extracting(Comment::id).containsExactly(byAlice, byBot, viaApp);
        Comment alice = comments.get(0);
        assertThat(alice.author()).isEqualTo("alice");
        assertThat(alice.authorId()).isEqualTo(583231);
        assertThat(alice.bot()).isFalse();
        assertThat(alice.createdAt()).isEqualTo(clock.instant());
        assertThat(alice.edited()).isFalse();
        assertThat(alice.url()).isEqualTo("https://github.com/acme/fleet/pull/" + pr + "#issuecomment-" + byAlice);
        assertThat(comments.get(1).bot()).as("user.type Bot").isTrue();
        assertThat(comments.get(2).bot()).as("performed_via_github_app").isTrue();
        assertThat(comments.get(2).author()).isEqualTo("bob");
        github.assertValidationPassed();
    }

    @Test
    void anEditedCommentIsToldApartAndADeletedOneIsGone() throws ForgeException {
        int pr = openStep();
        long edited = github.commentAs(ALICE, pr, "/drover pause");
        long deleted = github.commentAs(ALICE, pr, "/drover abort");
        clock.advance(Duration.ofMinutes(3));

        github.editComment(edited, "/drover abort");
        github.deleteComment(deleted);

        Comment comment = forge.comments(pr).stream().filter(c -> c.id() == edited).findFirst().orElseThrow();
        assertThat(comment.body()).isEqualTo("/drover abort");
        assertThat(comment.edited()).isTrue();
        assertThat(comment.updatedAt()).isEqualTo(comment.createdAt().plus(Duration.ofMinutes(3)));
        assertThat(forge.comments(pr)).extracting(Comment::id).containsExactly(edited);
        github.assertValidationPassed();
    }

    @Test
    void permissionReadsRoleNameAndBasePermissionAndNoneForAStranger() throws ForgeException {
        github.setCollaborator(new StubGitHub.Collaborator(583231, "alice", "write", "maintain"));
        github.setCollaborator(new StubGitHub.Collaborator(583233, "carol", "read", "triage"));

        assertThat(forge.permission("alice")).isEqualTo(new RepositoryPermission("alice", 583231, "write", "maintain"));
        assertThat(forge.permission("Carol")).isEqualTo(new RepositoryPermission("carol", 583233, "read", "triage"));
        assertThat(forge.permission("mallory")).isEqualTo(RepositoryPermission.none("mallory"));
        github.assertValidationPassed();
    }

    @Test
    void anActiveTeamMemberIsOneWhoseMembershipIsActiveNotPendingNorMissing() throws ForgeException {
        github.setTeamMember("acme", "release-captains", "alice", "active");
        github.setTeamMember("acme", "release-captains", "ivy", "pending");

        assertThat(forge.isActiveTeamMember("acme", "release-captains", "alice")).isTrue();
        assertThat(forge.isActiveTeamMember("Acme", "release-captains", "ALICE")).as("GitHub compares logins so").isTrue();
        assertThat(forge.isActiveTeamMember("acme", "release-captains", "ivy")).as("invited, not accepted yet").isFalse();
        assertThat(forge.isActiveTeamMember("acme", "release-captains", "mallory")).as("404").isFalse();
        assertThat(forge.isActiveTeamMember("acme", "secret-team", "alice")).as("404: a team the token cannot see").isFalse();
        assertThat(github.requestLog()).contains("GET /orgs/acme/teams/release-captains/memberships/alice",
                "GET /orgs/acme/teams/release-captains/memberships/ivy");
        github.assertValidationPassed();
    }

    @Test
    void aCommandFromAnActiveMemberOfAPausingTeamIsAllowedAndFromAPendingOneRefused() throws ForgeException {
        int pr = openStep();
        CommandAccess access = new CommandAccess(Set.of(), Set.of(), Set.of(), Set.of(new Team("acme", "oncall")));
        github.setCollaborator(new StubGitHub.Collaborator(583240, "tess", "read", "read"));
        github.setTeamMember("acme", "oncall", "tess", "active");
        github.setTeamMember("acme", "oncall", "ivy", "pending");
        long byMember = github.commentAs(Commenter.user(583240, "tess"), pr, "/drover pause");

        ReceivedCommand member = CommandInbox.oldest(forge, List.of(pr), Commenter.TOKEN_USER.login(), access).orElseThrow();
        assertThat(member.comment().id()).isEqualTo(byMember);
        assertThat(member.verdict().allowed()).isTrue();

        forge.comment(pr, "done " + CommandInbox.answeredMarker(byMember));
        github.commentAs(Commenter.user(583241, "ivy"), pr, "/drover pause");
        ReceivedCommand pending = CommandInbox.oldest(forge, List.of(pr), Commenter.TOKEN_USER.login(), access).orElseThrow();
        assertThat(pending.verdict().allowed()).isFalse();
        assertThat(pending.verdict().refusal()).hasValueSatisfying(r -> assertThat(r).startsWith("@ivy may not give this command"));
        github.assertValidationPassed();
    }

    @Test
    void aMembershipIsRememberedForAMinuteAndAFailureNotAtAll() throws ForgeException {
        github.setTeamMember("acme", "oncall", "alice", "active");
        String path = "/orgs/acme/teams/oncall/memberships/alice";
        github.failNext("GET", path, 502, Map.of(), "{\"message\":\"Server Error\"}");

        assertThatThrownBy(() -> forge.isActiveTeamMember("acme", "oncall", "alice")).isInstanceOf(ForgeException.class)
                .hasMessageContaining("HTTP 502").hasMessageContaining("member of team acme/oncall");
        assertThat(forge.isActiveTeamMember("acme", "oncall", "alice")).isTrue();
        assertThat(forge.isActiveTeamMember("acme", "oncall", "alice")).isTrue();
        assertThat(github.requestCount("GET", path)).as("the failure, then one answer for both asks").isEqualTo(2);

        clock.advance(GitHubForge.MEMBERSHIP_TTL.plusSeconds(1));
        assertThat(forge.isActiveTeamMember("acme", "oncall", "alice")).isTrue();
        assertThat(github.requestCount("GET", path)).isEqualTo(3);
        github.assertValidationPassed();
    }

    @Test
    void aReactionGivenTwiceIsOneReaction() throws ForgeException {
        int pr = openStep();
        long command = github.commentAs(ALICE, pr, "/drover status");

        forge.react(command, "eyes");
        forge.react(command, "eyes"); // GitHub answers 200: it exists
        forge.react(command, "+1");

        assertThat(github.reactions(command)).containsExactly("eyes", "+1");
        github.assertValidationPassed();
    }

    @Test
    void theDashboardIssueIsCreatedReadUpdatedAndCommentedOn() throws ForgeException {
        int pr = openStep();
        Issue created = forge.createIssue("Drover rollout prod-1.31", "| step | state |", List.of("drover", "drover/dashboard"));

        assertThat(created.number()).as("issues and pull requests share numbers").isEqualTo(pr + 1);
        assertThat(created.url()).isEqualTo("https://github.com/acme/fleet/issues/" + created.number());
        forge.updateIssueBody(created.number(), "| step | state |\n| drain | done |");
        forge.comment(created.number(), "Paused by @alice");
        long command = github.commentAs(ALICE, created.number(), "/drover resume");

        Issue read = forge.issue(created.number()).orElseThrow();
        assertThat(read).isEqualTo(new Issue(created.number(), created.url(), "Drover rollout prod-1.31",
                "| step | state |\n| drain | done |", Issue.State.OPEN, List.of("drover", "drover/dashboard"),
                read.author()));
        List<Comment> comments = forge.comments(created.number());
        assertThat(comments).extracting(Comment::body).containsExactly("Paused by @alice", "/drover resume");
        assertThat(comments.get(1).url()).isEqualTo(created.url() + "#issuecomment-" + command);
        assertThat(forge.issue(pr)).as("a pull request's number").isEmpty();
        assertThat(forge.issue(99)).isEmpty();
        github.assertValidationPassed();
    }

    @Test
    void thePausedLabelComesOffWithOneDeleteAndTheOthersStay() throws ForgeException {
        int pr = forge.open(new NewPullRequest("drover/step-1", "main", "Step 1", "body", List.of("drover", "drover/add-cluster")))
                .number();
        forge.addLabels(pr, List.of("drover/paused"));

        forge.removeLabel(pr, "drover/paused");
        forge.removeLabel(pr, "drover/paused"); // not there any more: GitHub answers 404, which is done

        assertThat(forge.findByHead("drover/step-1").orElseThrow().labels()).containsExactly("drover", "drover/add-cluster");
        assertThat(github.requestLog()).filteredOn(r -> r.startsWith("DELETE"))
                .as("the slash of the label name is encoded: one path segment")
                .containsExactly("DELETE /repos/acme/fleet/issues/" + pr + "/labels/drover%2Fpaused",
                        "DELETE /repos/acme/fleet/issues/" + pr + "/labels/drover%2Fpaused");
        assertThat(github.requestCount("PATCH", "/repos/acme/fleet/issues/\\d+"))
                .as("no read-modify-write that would drop a label added meanwhile").isZero();
        github.assertValidationPassed();
    }

    @Test
    void dashboardsAreTheOpenIssuesWithTheLabelOldestFirstAcrossPagesWithoutPullRequests() throws ForgeException {
        int labelledPr = forge.open(new NewPullRequest("drover/step-1", "main", "Step 1", "body", List.of("drover/dashboard")))
                .number();
        List<Integer> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 101; i++) {
            expected.add(github.openIssueAs(ALICE, "rollout " + i, "body", List.of("drover", "drover/dashboard")));
        }
        github.openIssueAs(ALICE, "unlabelled", "body", List.of("drover"));
        int closed = forge.createIssue("closed one", "body", List.of("drover/dashboard")).number();
        github.closeIssue(closed);

        List<Issue> found = forge.issues("drover/dashboard");

        assertThat(found).extracting(Issue::number).doesNotContain(labelledPr, closed).containsExactlyElementsOf(expected);
        assertThat(found.get(0).author()).isEqualTo("alice");
        assertThat(github.requestCount("GET", "/repos/acme/fleet/issues")).as("two pages of 100").isEqualTo(2);
        github.assertValidationPassed();
    }

    @Test
    void theLoginIsAskedOnceOfGitHub() throws ForgeException {
        assertThat(forge.login()).contains(Commenter.TOKEN_USER.login());
        assertThat(forge.login()).contains(Commenter.TOKEN_USER.login());

        assertThat(github.requestCount("GET", "/user")).isEqualTo(1);
        github.assertValidationPassed();
    }

    @Test
    void aGitHubAppTokenHasNoLoginAndIsNotAskedAgain() throws ForgeException {
        github.failNext("GET", "/user", 403, Map.of(),
                "{\"message\":\"Resource not accessible by integration\",\"documentation_url\":"
                        + "\"https://docs.github.com/rest/users/users#get-the-authenticated-user\",\"status\":\"403\"}");

        assertThat(forge.login()).isEmpty();
        assertThat(forge.login()).isEmpty();

        assertThat(github.requestCount("GET", "/user")).isEqualTo(1);
        github.assertValidationPassed();
    }

    @Test
    void anyOtherFailureToReadTheLoginIsAnErrorAndAskedAgainNextTime() throws ForgeException {
        github.failNext("GET", "/user", 502, Map.of(), "{\"message\":\"Server Error\"}");

        assertThatThrownBy(() -> forge.login()).isInstanceOf(ForgeException.class).hasMessageContaining("HTTP 502");
        assertThat(forge.login()).contains(Commenter.TOKEN_USER.login());
        github.assertValidationPassed();
    }

    @Test
    void whoMergedIsReadFromThePullRequest() throws ForgeException {
        int pr = openStep();
        assertThat(forge.mergedBy(pr)).as("not merged yet").isEmpty();

        github.mergeAs(ALICE, pr);

        assertThat(forge.mergedBy(pr)).contains("alice");
        github.assertValidationPassed();
    }


    private int openStep() throws ForgeException {
        return forge.open(new NewPullRequest("drover/step-1", "main", "Step 1", "body", List.of())).number();
    }
}
