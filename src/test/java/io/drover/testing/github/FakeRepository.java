package io.drover.testing.github;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One GitHub repository in memory: branches (name to head sha) and pull requests with their
 * comments and labels. Each operation behaves as GitHub does for the case that matters to Drover
 * and throws {@link GitHubError} where GitHub answers with an error. All methods are synchronized:
 * WireMock serves requests on several threads and the test thread reads and changes state too.
 */
final class FakeRepository {

    private static final Set<String> MERGE_METHODS = Set.of("merge", "squash", "rebase");

    private final String owner;
    private final Clock clock;
    private final Branches branches = new Branches();

    /**
     * Branch heads: set by the test, or read live from a real repository (set with
     * {@link #setBranchSource}) so that what Drover pushes is what GitHub sees.
     */
    private static final class Branches {
        private final Map<String, String> heads = new HashMap<>();
        private java.util.function.Function<String, Optional<String>> source;

        String get(String branch) {
            return source != null ? source.apply(branch).orElse(null) : heads.get(branch);
        }

        boolean containsKey(String branch) {
            return get(branch) != null;
        }

        String getOrDefault(String branch, String fallback) {
            String head = get(branch);
            return head == null ? fallback : head;
        }

        void put(String branch, String sha) {
            if (source == null) {
                heads.put(branch, sha);
            }
        }
    }

    synchronized void setBranchSource(java.util.function.Function<String, Optional<String>> source) {
        branches.source = source;
    }
    private final List<PullRequestState> pulls = new ArrayList<>();
    private int nextNumber = 1;
    private long nextCommentId = 1;
    private StubGitHub.MergeHandler mergeHandler = FakeRepository::fakeMergeCommit;

    FakeRepository(String owner, Clock clock) {
        this.owner = owner;
        this.clock = clock;
    }

    synchronized void setBranchHead(String branch, String sha) {
        branches.put(branch, sha);
        // A push to a pull request's head moves the pull request (GitHub's "synchronize").
        for (PullRequestState pr : pulls) {
            if (pr.open && pr.head.equals(branch)) {
                pr.headSha = sha;
                pr.updatedAt = clock.instant();
            }
        }
    }

    synchronized Optional<String> branchHead(String branch) {
        return Optional.ofNullable(branches.get(branch));
    }

    synchronized void setMergeHandler(StubGitHub.MergeHandler handler) {
        this.mergeHandler = handler;
    }

    synchronized void setMergeable(int number, Boolean mergeable, String mergeableState) {
        PullRequestState pr = require(number);
        pr.mergeable = mergeable;
        pr.mergeableState = mergeableState;
    }

    synchronized List<PullRequestRecord> snapshot() {
        return pulls.stream().map(PullRequestState::snapshot).toList();
    }

    /** Newest first, as GitHub sorts by default ({@code sort=created}, {@code direction=desc}). */
    synchronized List<PullRequestState> list(String state, String head, String base, boolean ascending) {
        List<PullRequestState> result = new ArrayList<>();
        for (PullRequestState pr : pulls) {
            if (matchesState(pr, state) && matchesHead(pr, head) && (base == null || base.equals(pr.base))) {
                result.add(pr);
            }
        }
        Comparator<PullRequestState> byCreation = Comparator.comparingInt(pr -> pr.number);
        result.sort(ascending ? byCreation : byCreation.reversed());
        return result;
    }

    private static boolean matchesState(PullRequestState pr, String state) {
        return switch (state) {
            case "all" -> true;
            case "closed" -> !pr.open;
            default -> pr.open;
        };
    }

    /**
     * GitHub filters on {@code head} only in the form {@code owner:branch}; a bare branch name is
     * silently ignored and every pull request comes back, a classic way to act on the wrong one.
     */
    private boolean matchesHead(PullRequestState pr, String head) {
        if (head == null || !head.contains(":")) {
            return true;
        }
        return head.equals(owner + ":" + pr.head);
    }

    synchronized PullRequestState get(int number) {
        return require(number);
    }

    synchronized PullRequestState create(String title, String head, String base, String body, boolean draft) {
        if (title == null || title.isBlank()) {
            throw GitHubError.invalidField("PullRequest", "title", "missing_field", GitHubError.CREATE_PULL_DOCS);
        }
        String branch = head == null ? null : stripOwner(head);
        if (branch == null || !branches.containsKey(branch)) {
            throw GitHubError.invalidField("PullRequest", "head", "invalid", GitHubError.CREATE_PULL_DOCS);
        }
        if (base == null || !branches.containsKey(base)) {
            throw GitHubError.invalidField("PullRequest", "base", "invalid", GitHubError.CREATE_PULL_DOCS);
        }
        if (openPull(branch, base, -1).isPresent()) {
            throw alreadyExists(branch, GitHubError.CREATE_PULL_DOCS);
        }
        if (branches.get(branch).equals(branches.get(base))) {
            throw GitHubError.custom("PullRequest", null, "No commits between " + base + " and " + branch,
                    GitHubError.CREATE_PULL_DOCS);
        }
        PullRequestState pr = new PullRequestState(nextNumber++, branch, base, title, body, draft, clock.instant());
        pr.headSha = branches.get(branch);
        pr.baseSha = branches.get(base);
        pulls.add(pr);
        return pr;
    }

    /** The head may name its owner ({@code owner:branch}); there are no forks here, so only ours. */
    private String stripOwner(String head) {
        int colon = head.indexOf(':');
        if (colon < 0) {
            return head;
        }
        return head.substring(0, colon).equalsIgnoreCase(owner) ? head.substring(colon + 1) : null;
    }

    /** GitHub allows one open pull request per head and base pair. */
    private Optional<PullRequestState> openPull(String head, String base, int except) {
        return pulls.stream().filter(pr -> pr.open && pr.number != except && pr.head.equals(head) && pr.base.equals(base))
                .findFirst();
    }

    private GitHubError alreadyExists(String head, String docs) {
        return GitHubError.custom("PullRequest", null, "A pull request already exists for " + owner + ":" + head + ".", docs);
    }

    synchronized PullRequestState update(int number, String title, String body, String state, String base) {
        PullRequestState pr = require(number);
        if (base != null) {
            if (!branches.containsKey(base)) {
                throw GitHubError.invalidField("PullRequest", "base", "invalid", GitHubError.UPDATE_PULL_DOCS);
            }
            pr.base = base;
            pr.baseSha = branches.get(base);
        }
        if (title != null) {
            pr.title = title;
        }
        if (body != null) {
            pr.body = body;
        }
        if ("closed".equals(state) && pr.open) {
            close(pr);
        } else if ("open".equals(state) && !pr.open) {
            reopen(pr);
        }
        pr.updatedAt = clock.instant();
        return pr;
    }

    private void close(PullRequestState pr) {
        pr.open = false;
        pr.closedAt = clock.instant();
        pr.updatedAt = pr.closedAt;
    }

    private void reopen(PullRequestState pr) {
        if (pr.merged) {
            // The wording is ours; GitHub refuses with a 422 as well.
            throw GitHubError.custom("PullRequest", "state", "state cannot be changed. The pull request has been merged.",
                    GitHubError.UPDATE_PULL_DOCS);
        }
        if (openPull(pr.head, pr.base, pr.number).isPresent()) {
            throw alreadyExists(pr.head, GitHubError.UPDATE_PULL_DOCS);
        }
        pr.open = true;
        pr.closedAt = null;
        pr.headSha = branches.getOrDefault(pr.head, pr.headSha);
    }

    /**
     * PUT .../merge. GitHub checks, in this order: the pull request can be merged at all (405), the
     * head is still {@code sha} when one is given (409), and it is mergeable now (405).
     */
    synchronized String merge(int number, String sha, String commitTitle, String commitMessage, String method) {
        return merge(number, sha, commitTitle, commitMessage, method, Commenter.TOKEN_USER);
    }

    private String merge(int number, String sha, String commitTitle, String commitMessage, String method, Commenter merger) {
        PullRequestState pr = require(number);
        String mergeMethod = method == null ? "merge" : method;
        if (!pr.open || pr.merged) {
            throw GitHubError.basic(405, "Pull Request is not mergeable", GitHubError.MERGE_PULL_DOCS);
        }
        if (sha != null && !sha.equals(pr.headSha)) {
            throw GitHubError.basic(409, "Head branch was modified. Review and try the merge again.", GitHubError.MERGE_PULL_DOCS);
        }
        if (!Boolean.TRUE.equals(pr.mergeable)) {
            throw GitHubError.basic(405, "Pull Request is not mergeable", GitHubError.MERGE_PULL_DOCS);
        }
        if (!MERGE_METHODS.contains(mergeMethod)) {
            throw GitHubError.invalidField("PullRequest", "merge_method", "invalid", GitHubError.MERGE_PULL_DOCS);
        }
        String title = commitTitle != null ? commitTitle : defaultTitle(pr, mergeMethod);
        String mergeSha;
        try {
            mergeSha = mergeHandler.merge(new StubGitHub.Merge(pr.snapshot(), mergeMethod, title, commitMessage));
        } catch (StubGitHub.MergeConflict conflict) {
            pr.mergeable = false;
            pr.mergeableState = "dirty";
            throw GitHubError.basic(405, "Merge conflict", GitHubError.MERGE_PULL_DOCS);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the merge handler failed for #" + number, e);
        }
        Instant now = clock.instant();
        pr.open = false;
        pr.merged = true;
        pr.mergedAt = now;
        pr.mergedBy = merger;
        pr.closedAt = now;
        pr.updatedAt = now;
        pr.mergeCommitSha = mergeSha;
        // After a merge GitHub no longer computes mergeability.
        pr.mergeable = null;
        pr.mergeableState = "unknown";
        branches.put(pr.base, mergeSha);
        return mergeSha;
    }

    /** A merge as a reviewer does it on github.com: at the current head, GitHub's default title. */
    synchronized String mergeAtHead(int number, Commenter reviewer) {
        return merge(number, require(number).headSha, null, null, "merge", reviewer);
    }

    synchronized void closeAsReviewer(int number) {
        PullRequestState pr = require(number);
        if (pr.open) {
            close(pr);
        }
    }

    private String defaultTitle(PullRequestState pr, String method) {
        return method.equals("merge")
                ? "Merge pull request #" + pr.number + " from " + owner + "/" + pr.head
                : pr.title + " (#" + pr.number + ")";
    }

    /** The latest state and description per context on each commit, as "state: description". */
    private final Map<String, Map<String, String>> statuses = new HashMap<>();

    synchronized void status(String sha, String context, String state, String description) {
        statuses.computeIfAbsent(sha, s -> new java.util.LinkedHashMap<>()).put(context, state + ": " + description);
    }

    synchronized Map<String, String> statuses(String sha) {
        return Map.copyOf(statuses.getOrDefault(sha, Map.of()));
    }

    synchronized PullRequestState.Comment comment(int number, String body, Commenter author) {
        List<PullRequestState.Comment> thread = thread(number);
        if (body == null) {
            throw GitHubError.invalidField("IssueComment", "body", "missing_field", "https://docs.github.com/rest/issues/comments#create-an-issue-comment");
        }
        Instant now = clock.instant();
        PullRequestState.Comment comment = new PullRequestState.Comment(nextCommentId++, body, now, now, author);
        thread.add(comment);
        touch(number, now);
        return comment;
    }

    /** Oldest first, as GitHub lists issue comments; {@code since} keeps those updated at or after it. */
    synchronized List<PullRequestState.Comment> comments(int number, Instant since) {
        return thread(number).stream()
                .filter(c -> since == null || !c.updatedAt().isBefore(since))
                .toList();
    }

    /**
     * An edit on github.com: the body changes, the id stays, {@code updated_at} moves on (by a
     * second at least: GitHub's times have whole seconds, and a test's clock may stand still).
     */
    synchronized void editComment(long id, String body) {
        for (List<PullRequestState.Comment> thread : threads()) {
            for (int i = 0; i < thread.size(); i++) {
                PullRequestState.Comment c = thread.get(i);
                if (c.id() == id) {
                    Instant later = c.createdAt().plusSeconds(1);
                    Instant updated = clock.instant().isAfter(later) ? clock.instant() : later;
                    thread.set(i, new PullRequestState.Comment(id, body, c.createdAt(), updated, c.author()));
                    return;
                }
            }
        }
        throw new IllegalArgumentException("no comment " + id);
    }

    synchronized void deleteComment(long id) {
        if (!threads().stream().anyMatch(thread -> thread.removeIf(c -> c.id() == id))) {
            throw new IllegalArgumentException("no comment " + id);
        }
    }

    /** The reactions on a comment, in the order given; GitHub keeps one of each content per user. */
    private final Map<Long, List<String>> reactions = new HashMap<>();

    /** True when the reaction is new (201), false when the token's user had already given it (200). */
    synchronized boolean react(long commentId, String content) {
        if (threads().stream().flatMap(List::stream).noneMatch(c -> c.id() == commentId)) {
            throw GitHubError.notFound();
        }
        List<String> given = reactions.computeIfAbsent(commentId, id -> new ArrayList<>());
        if (given.contains(content)) {
            return false;
        }
        given.add(content);
        return true;
    }

    synchronized List<String> reactions(long commentId) {
        return List.copyOf(reactions.getOrDefault(commentId, List.of()));
    }

    /** Collaborators by lower-case login: GitHub's logins are case-insensitive. */
    private final Map<String, StubGitHub.Collaborator> collaborators = new HashMap<>();

    synchronized void setCollaborator(StubGitHub.Collaborator collaborator) {
        collaborators.put(collaborator.login().toLowerCase(java.util.Locale.ROOT), collaborator);
    }

    /** GitHub answers 404 for a user who is not a collaborator (or does not exist). */
    synchronized StubGitHub.Collaborator collaborator(String login) {
        StubGitHub.Collaborator found = collaborators.get(login.toLowerCase(java.util.Locale.ROOT));
        if (found == null) {
            throw GitHubError.notFound();
        }
        return found;
    }

    /** Team memberships by "org/slug/login" in lower case (GitHub compares all three so): active or pending. */
    private final Map<String, String> teamMemberships = new HashMap<>();
    /** Teams by "org/slug" in lower case, each with the id GitHub gives it. */
    private final Map<String, Long> teams = new HashMap<>();

    synchronized void setTeamMember(String org, String slug, String login, String state) {
        String team = (org + "/" + slug).toLowerCase(java.util.Locale.ROOT);
        teams.putIfAbsent(team, 2_000L + teams.size());
        teamMemberships.put(team + "/" + login.toLowerCase(java.util.Locale.ROOT), state);
    }

    /** The team's id and the login's state in it; empty for no membership, or a team GitHub does not show. */
    synchronized java.util.Optional<Map.Entry<Long, String>> teamMembership(String org, String slug, String login) {
        String team = (org + "/" + slug).toLowerCase(java.util.Locale.ROOT);
        String state = teamMemberships.get(team + "/" + login.toLowerCase(java.util.Locale.ROOT));
        return state == null ? java.util.Optional.empty() : java.util.Optional.of(Map.entry(teams.get(team), state));
    }

    private final List<IssueState> issues = new ArrayList<>();

    /** Issues and pull requests share one sequence of numbers, as on GitHub. */
    synchronized IssueState createIssue(String title, String body, List<String> labels) {
        return createIssue(title, body, labels, Commenter.TOKEN_USER);
    }

    synchronized IssueState createIssue(String title, String body, List<String> labels, Commenter author) {
        if (title == null || title.isBlank()) {
            throw GitHubError.invalidField("Issue", "title", "missing_field", "https://docs.github.com/rest/issues/issues#create-an-issue");
        }
        IssueState issue = new IssueState(nextNumber++, title, body, labels, clock.instant(), author);
        issues.add(issue);
        return issue;
    }

    /**
     * GET .../issues: issues and pull requests (GitHub lists both) in {@code state} that carry every
     * label of {@code labels}, by creation; each is an {@link IssueState} or a {@link PullRequestState}.
     */
    synchronized List<Object> issuesAndPulls(String state, List<String> labels, boolean ascending) {
        java.util.TreeMap<Integer, Object> byNumber = new java.util.TreeMap<>();
        for (IssueState issue : issues) {
            if (matchesOpen(issue.open, state) && issue.labels.containsAll(labels)) {
                byNumber.put(issue.number, issue);
            }
        }
        for (PullRequestState pr : pulls) {
            if (matchesOpen(pr.open, state) && pr.labels.containsAll(labels)) {
                byNumber.put(pr.number, pr);
            }
        }
        return new ArrayList<>(ascending ? byNumber.values() : byNumber.descendingMap().values());
    }

    private static boolean matchesOpen(boolean open, String state) {
        return switch (state) {
            case "all" -> true;
            case "closed" -> !open;
            default -> open;
        };
    }

    /** DELETE .../labels/{name}: 404 when the issue or pull request does not carry it, as GitHub answers. */
    synchronized List<String> removeLabel(int number, String name) {
        List<String> labels = labelsOf(number);
        if (!labels.remove(name)) {
            throw GitHubError.basic(404, "Label does not exist", "https://docs.github.com/rest/issues/labels#remove-a-label-from-an-issue");
        }
        return List.copyOf(labels);
    }

    /** An issue, or empty for a pull request's number; 404 when neither has it. */
    synchronized Optional<IssueState> issue(int number) {
        Optional<IssueState> issue = issues.stream().filter(i -> i.number == number).findFirst();
        if (issue.isEmpty()) {
            require(number);
        }
        return issue;
    }

    synchronized IssueState updateIssue(int number, String title, String body, String state) {
        IssueState issue = issues.stream().filter(i -> i.number == number).findFirst().orElseThrow(GitHubError::notFound);
        if (title != null) {
            issue.title = title;
        }
        if (body != null) {
            issue.body = body;
        }
        Instant now = clock.instant();
        if ("closed".equals(state) && issue.open) {
            issue.open = false;
            issue.closedAt = now;
        } else if ("open".equals(state)) {
            issue.open = true;
            issue.closedAt = null;
        }
        issue.updatedAt = now;
        return issue;
    }

    Instant now() {
        return clock.instant();
    }

    synchronized boolean isIssue(int number) {
        return issues.stream().anyMatch(i -> i.number == number);
    }

    synchronized List<IssueRecord> issueSnapshot() {
        return issues.stream().map(IssueState::snapshot).toList();
    }

    /** The comments of pull request or issue {@code number}: GitHub keeps both under /issues/{number}. */
    private List<PullRequestState.Comment> thread(int number) {
        return issues.stream().filter(i -> i.number == number).findFirst().map(i -> i.comments)
                .orElseGet(() -> require(number).comments);
    }

    private List<String> labelsOf(int number) {
        return issues.stream().filter(i -> i.number == number).findFirst().map(i -> i.labels)
                .orElseGet(() -> require(number).labels);
    }

    private void touch(int number, Instant now) {
        issues.stream().filter(i -> i.number == number).findFirst()
                .ifPresentOrElse(i -> i.updatedAt = now, () -> require(number).updatedAt = now);
    }

    private List<List<PullRequestState.Comment>> threads() {
        List<List<PullRequestState.Comment>> all = new ArrayList<>();
        pulls.forEach(pr -> all.add(pr.comments));
        issues.forEach(issue -> all.add(issue.comments));
        return all;
    }

    /** Replaces the labels of an issue or pull request, as a PATCH of the issue with {@code labels} does. */
    synchronized void setLabels(int number, List<String> names) {
        List<String> labels = labelsOf(number);
        labels.clear();
        names.stream().distinct().forEach(labels::add);
        touch(number, clock.instant());
    }

    /** Adds to the labels already there and answers with all of them, as GitHub does. */
    synchronized List<String> addLabels(int number, List<String> names) {
        List<String> labels = labelsOf(number);
        Set<String> present = new HashSet<>(labels);
        for (String name : names) {
            if (present.add(name)) {
                labels.add(name);
            }
        }
        touch(number, clock.instant());
        return List.copyOf(labels);
    }

    private PullRequestState require(int number) {
        return pulls.stream().filter(pr -> pr.number == number).findFirst().orElseThrow(GitHubError::notFound);
    }

    /** Without a handler from the test, a merge commit is only a name: the SHA-1 of what was merged. */
    private static String fakeMergeCommit(StubGitHub.Merge merge) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-1")
                .digest(("merge " + merge.pullRequest().number() + " " + merge.pullRequest().headSha()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }
}
