package io.drover.forge;

import java.util.List;
import java.util.Optional;

/**
 * The narrow view Drover has of a code-review forge. One adapter per forge (GitHub); vendor
 * types never leave the adapter.
 */
public interface Forge {

    /** Open pull requests into the base branch whose head branch starts with {@code headPrefix}. */
    List<PullRequest> openPullRequests(String headPrefix) throws ForgeException;

    /** The newest pull request from this head branch, open, closed or merged. */
    Optional<PullRequest> findByHead(String head) throws ForgeException;

    /**
     * Opens the pull request with its labels. Where the forge needs more than one request for this
     * (GitHub: create, then label), a failure may leave it open without its labels.
     */
    PullRequest open(NewPullRequest request) throws ForgeException;

    /** Adds labels to the pull request; those it already has stay. */
    void addLabels(int number, List<String> labels) throws ForgeException;

    /** Takes a label off a pull request or issue; one it does not have is no error. */
    void removeLabel(int number, String label) throws ForgeException;

    /** Sets the pull request's title and body. */
    void edit(int number, String title, String body) throws ForgeException;

    /** Comments on a pull request or an issue (they share their numbers). */
    void comment(int number, String body) throws ForgeException;

    /** Every comment on the pull request or issue, oldest first; deleted ones are gone. */
    List<Comment> comments(int number) throws ForgeException;

    /** Whether some comment on the pull request contains {@code marker}: how "comment once" stays once. */
    default boolean hasComment(int number, String marker) throws ForgeException {
        return comments(number).stream().anyMatch(c -> c.body().contains(marker));
    }

    MergeReadiness readiness(int number) throws ForgeException;

    /**
     * Merges with a merge commit if the head is still {@code headSha}; {@code message} goes into the
     * merge commit's message after the title the forge gives it. False when the forge refuses (not
     * mergeable, head moved).
     */
    boolean merge(int number, String headSha, String message) throws ForgeException;

    void close(int number) throws ForgeException;

    /** Sets a status on a commit; a later one with the same context replaces it. */
    void status(String sha, CommitStatus status) throws ForgeException;

    /** The user's permission on the repository; {@link RepositoryPermission#none} when not a collaborator. */
    RepositoryPermission permission(String login) throws ForgeException;

    /**
     * Whether {@code login} is an active member of the team {@code org/teamSlug} (members of its child
     * teams count). False for an invitation not accepted yet, for anyone else, and when Drover cannot
     * see the team: GitHub answers all three alike. A forge without teams answers false.
     */
    default boolean isActiveTeamMember(String org, String teamSlug, String login) throws ForgeException {
        return false;
    }

    /**
     * Reacts to an issue or pull-request comment ({@code +1}, {@code -1}, {@code eyes},
     * {@code confused}, ...). The same reaction twice is one reaction.
     */
    void react(long commentId, String content) throws ForgeException;

    /**
     * Opens an issue. The forge offers Drover no search for issues: callers find the issue again
     * by its number, which they record where they read it back (a marker in Drover's own texts).
     */
    Issue createIssue(String title, String body, List<String> labels) throws ForgeException;

    /** The issue with this number; empty when there is none or the number is a pull request's. */
    Optional<Issue> issue(int number) throws ForgeException;

    void updateIssueBody(int number, String body) throws ForgeException;

    /** Open issues (not pull requests) carrying {@code label}, oldest first: one list request. */
    List<Issue> issues(String label) throws ForgeException;

    /**
     * The login Drover writes as, asked of the forge once and then remembered; empty when the
     * forge does not say (a GitHub App's installation token has no user), and then issues are not
     * told apart by who opened them.
     */
    default Optional<String> login() throws ForgeException {
        return Optional.empty();
    }

    /**
     * Who merged the pull request, as a login; empty while it is not merged or when the forge does
     * not say. One request: lists of pull requests do not carry it.
     */
    default Optional<String> mergedBy(int number) throws ForgeException {
        return Optional.empty();
    }
}
