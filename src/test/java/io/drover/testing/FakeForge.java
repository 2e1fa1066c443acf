package io.drover.testing;

import io.drover.forge.Comment;
import io.drover.forge.CommitStatus;
import io.drover.forge.Forge;
import io.drover.forge.ForgeException;
import io.drover.forge.Issue;
import io.drover.forge.MergeReadiness;
import io.drover.forge.NewPullRequest;
import io.drover.forge.PullRequest;
import io.drover.forge.PullRequest.State;
import io.drover.forge.RepositoryPermission;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An in-memory forge over a real origin: pull requests and issues (one sequence of numbers, as on
 * GitHub) with comments, and a merge that really merges the branch into main. Tests comment as
 * any user, edit and delete comments, and set who may do what. Records every write Drover makes
 * so tests can assert what happened.
 */
public final class FakeForge implements Forge {

    /** The login Drover's pull requests and comments are made by. */
    public static final String BOT_LOGIN = "drover-bot";
    public static final long BOT_ID = 9000;

    /**
     * Someone who comments: {@code permission} is the base one (admin, write, read, none),
     * {@code roleName} GitHub's role (admin, maintain, write, triage, read) or a custom one.
     */
    public record User(long id, String login, boolean bot, String permission, String roleName) {

        /** A user with one of GitHub's own roles, and the base permission that role has. */
        public static User withRole(long id, String login, String role) {
            String permission = switch (role) {
                case "admin" -> "admin";
                case "maintain", "write" -> "write";
                case "triage", "read" -> "read";
                default -> throw new IllegalArgumentException("not one of GitHub's roles: " + role);
            };
            return new User(id, login, false, permission, role);
        }

        /** A bot account (user type "Bot"), with write access, as apps installed on the repository have. */
        public static User bot(long id, String login) {
            return new User(id, login, true, "write", "write");
        }
    }

    private static final User DROVER = new User(BOT_ID, BOT_LOGIN, false, "write", "write");

    private final java.util.Map<String, java.util.Map<String, CommitStatus>> statuses = new java.util.HashMap<>();

    /** A pull request; {@code thread} is shared with the forge, so it shows later comments too. */
    public record Record(int number, NewPullRequest request, State state, String mergeSha, java.time.Instant mergedAt,
            List<Comment> thread) {

        /** The bodies of every comment, oldest first. */
        public List<String> comments() {
            return thread.stream().map(Comment::body).toList();
        }
    }

    private final GitOrigin origin;
    private final Clock clock;
    private final java.util.Map<Integer, Record> pulls = new java.util.LinkedHashMap<>();
    private final java.util.Map<Integer, Issue> issues = new java.util.LinkedHashMap<>();
    private final java.util.Map<Integer, List<Comment>> issueThreads = new java.util.HashMap<>();
    private final java.util.Map<String, User> users = new java.util.HashMap<>();
    private final java.util.Map<Long, List<String>> reactions = new java.util.HashMap<>();
    private final List<String> writes = new ArrayList<>();
    private int nextNumber = 1;
    private long nextCommentId = 1;
    public boolean mergeable = true;

    public FakeForge(GitOrigin origin, Clock clock) {
        this.origin = origin;
        this.clock = clock;
    }

    public synchronized List<Record> pulls() {
        return List.copyOf(pulls.values());
    }

    /** How many times Drover listed issues: the dashboard must cost one list per pass at most. */
    public synchronized int issueLists() {
        return issueLists;
    }

    private int issueLists;

    public synchronized List<String> writes() {
        return List.copyOf(writes);
    }

    public synchronized Record pull(int number) {
        Record pr = pulls.get(number);
        if (pr == null) {
            throw new IllegalArgumentException("no pull request #" + number);
        }
        return pr;
    }

    /** Who {@link #mergeAsReviewer} merges as. */
    public static final String REVIEWER_LOGIN = "reviewer";

    /** Who merged each merged pull request. */
    private final java.util.Map<Integer, String> mergers = new java.util.HashMap<>();

    /** What a reviewer does: merge the pull request through the forge. */
    public synchronized void mergeAsReviewer(int number) throws IOException {
        mergeAs(REVIEWER_LOGIN, number);
    }

    /** {@code login} merges the pull request on the forge. */
    public synchronized void mergeAs(String login, int number) throws IOException {
        mergeWithMessage(number, "");
        mergers.put(number, login);
    }

    @Override
    public synchronized Optional<String> mergedBy(int number) {
        return Optional.ofNullable(mergers.get(number));
    }

    /** Merges as GitHub does: its own title, then the message given, if any. */
    private void mergeWithMessage(int number, String message) throws IOException {
        Record pr = pull(number);
        String title = "Merge pull request #" + number + " from " + pr.request().head();
        var sha = origin.merge(pr.request().head(), message.isEmpty() ? title : title + "\n\n" + message, clock.instant());
        if (sha == null) {
            throw new IllegalStateException("#" + number + " conflicts with main");
        }
        pulls.put(number, new Record(number, pr.request(), State.MERGED, sha.name(), clock.instant(), pr.thread()));
    }

    public synchronized void closeAsReviewer(int number) {
        Record pr = pull(number);
        pulls.put(number, new Record(number, pr.request(), State.CLOSED, null, null, pr.thread()));
    }

    public synchronized void reopenAsReviewer(int number) {
        Record pr = pull(number);
        pulls.put(number, new Record(number, pr.request(), State.OPEN, null, null, pr.thread()));
    }

    @Override
    public synchronized List<PullRequest> openPullRequests(String headPrefix) throws ForgeException {
        List<PullRequest> open = new ArrayList<>();
        for (Record r : pulls.values()) {
            if (r.state() == State.OPEN && r.request().head().startsWith(headPrefix)) {
                open.add(view(r));
            }
        }
        return open;
    }

    @Override
    public synchronized Optional<PullRequest> findByHead(String head) throws ForgeException {
        return pulls.values().stream().filter(r -> r.request().head().equals(head)).max(Comparator.comparingInt(Record::number))
                .map(this::view);
    }

    @Override
    public synchronized PullRequest open(NewPullRequest request) throws ForgeException {
        if (pulls.values().stream().anyMatch(r -> r.state() == State.OPEN && r.request().head().equals(request.head()))) {
            // GitHub answers 422 "A pull request already exists" for a second open PR from one head.
            throw new ForgeException("a pull request already exists for " + request.head(), Optional.empty(), null);
        }
        int number = nextNumber++;
        pulls.put(number, new Record(number, request, State.OPEN, null, null, new ArrayList<>()));
        writes.add("open #" + number + " " + request.head());
        return view(pulls.get(number));
    }

    @Override
    public synchronized void addLabels(int number, List<String> labels) {
        Record pr = pull(number);
        List<String> all = new ArrayList<>(pr.request().labels());
        labels.stream().filter(l -> !all.contains(l)).forEach(all::add);
        change(pr, new NewPullRequest(pr.request().head(), pr.request().base(), pr.request().title(), pr.request().body(), all));
        writes.add("label #" + number + " " + String.join(",", labels));
    }

    @Override
    public synchronized void removeLabel(int number, String label) {
        Record pr = pull(number);
        List<String> all = new ArrayList<>(pr.request().labels());
        all.remove(label);
        change(pr, new NewPullRequest(pr.request().head(), pr.request().base(), pr.request().title(), pr.request().body(), all));
        writes.add("unlabel #" + number + " " + label);
    }

    @Override
    public synchronized void edit(int number, String title, String body) {
        Record pr = pull(number);
        change(pr, new NewPullRequest(pr.request().head(), pr.request().base(), title, body, pr.request().labels()));
        writes.add("edit #" + number);
    }

    private void change(Record pr, NewPullRequest now) {
        pulls.put(pr.number(), new Record(pr.number(), now, pr.state(), pr.mergeSha(), pr.mergedAt(), pr.thread()));
    }

    @Override
    public synchronized void comment(int number, String body) {
        post(number, DROVER, body);
        writes.add("comment #" + number);
    }

    /** A comment made on the forge by {@code user}, who from then on has the user's permission; answers its id. */
    public synchronized long commentAs(User user, int number, String body) {
        addUser(user);
        return post(number, user, body).id();
    }

    /** A comment by someone who is no collaborator: the forge answers their permission as none (GitHub: 404). */
    public synchronized long commentAsStranger(long id, String login, int number, String body) {
        return post(number, new User(id, login, false, "none", "none"), body).id();
    }

    /** The labels a pull request has now. */
    public synchronized List<String> labels(int number) {
        return pull(number).request().labels();
    }

    /** Gives the user this permission; users never added are no collaborators. */
    public synchronized void addUser(User user) {
        users.put(user.login().toLowerCase(java.util.Locale.ROOT), user);
    }

    private Comment post(int number, User user, String body) {
        java.time.Instant now = clock.instant();
        long id = nextCommentId++;
        Comment comment = new Comment(id, user.login(), body, user.id(), user.bot(), now, now,
                "https://forge.example/issues/" + number + "#issuecomment-" + id);
        thread(number).add(comment);
        return comment;
    }

    /**
     * Edits a comment as its author does: same id, new body, a later update time (a second after
     * it was made at least, so an edit shows even while the test's clock stands still).
     */
    public synchronized void editComment(long commentId, String body) {
        List<Comment> thread = threadOf(commentId);
        for (int i = 0; i < thread.size(); i++) {
            Comment c = thread.get(i);
            if (c.id() == commentId) {
                java.time.Instant later = c.createdAt().plusSeconds(1);
                java.time.Instant updated = clock.instant().isAfter(later) ? clock.instant() : later;
                thread.set(i, new Comment(c.id(), c.author(), body, c.authorId(), c.bot(), c.createdAt(), updated, c.url()));
            }
        }
    }

    public synchronized void deleteComment(long commentId) {
        threadOf(commentId).removeIf(c -> c.id() == commentId);
    }

    /** The reactions Drover gave the comment, oldest first. */
    public synchronized List<String> reactions(long commentId) {
        return List.copyOf(reactions.getOrDefault(commentId, List.of()));
    }

    private List<Comment> thread(int number) {
        return pulls.containsKey(number) ? pull(number).thread() : issueThread(number);
    }

    private List<Comment> issueThread(int number) {
        if (!issues.containsKey(number)) {
            throw new IllegalArgumentException("no pull request or issue #" + number);
        }
        return issueThreads.get(number);
    }

    private List<Comment> threadOf(long commentId) {
        List<List<Comment>> threads = new ArrayList<>(issueThreads.values());
        pulls.values().forEach(pr -> threads.add(pr.thread()));
        return threads.stream().filter(t -> t.stream().anyMatch(c -> c.id() == commentId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no comment " + commentId));
    }

    @Override
    public synchronized RepositoryPermission permission(String login) {
        User user = users.get(login.toLowerCase(java.util.Locale.ROOT));
        return user == null ? RepositoryPermission.none(login)
                : new RepositoryPermission(user.login(), user.id(), user.permission(), user.roleName());
    }

    /** Team memberships by "org/slug/login" in lower case: true active, false an invitation not accepted yet. */
    private final java.util.Map<String, Boolean> teamMembers = new java.util.HashMap<>();
    /** Teams ("org/slug") whose lookups fail as a network error or a 5xx would. */
    private final java.util.Set<String> failingTeams = new java.util.HashSet<>();
    private final List<String> teamLookups = new ArrayList<>();

    /** {@code login} is in the team: {@code active}, or invited and not accepted yet (GitHub's "pending"). */
    public synchronized void setTeamMember(String team, String login, boolean active) {
        teamMembers.put((team + "/" + login).toLowerCase(java.util.Locale.ROOT), active);
    }

    /** Every lookup of the team fails from now on, without saying when to come back. */
    public synchronized void failTeamLookups(String team) {
        failingTeams.add(team.toLowerCase(java.util.Locale.ROOT));
    }

    /** The team lookups asked, as "org/slug login", oldest first. */
    public synchronized List<String> teamLookups() {
        return List.copyOf(teamLookups);
    }

    @Override
    public synchronized boolean isActiveTeamMember(String org, String teamSlug, String login) throws ForgeException {
        String team = (org + "/" + teamSlug).toLowerCase(java.util.Locale.ROOT);
        teamLookups.add(org + "/" + teamSlug + " " + login);
        if (failingTeams.contains(team)) {
            throw new ForgeException("GitHub: cannot read whether " + login + " is a member of team " + org + "/" + teamSlug
                    + ": HTTP 502", java.util.Optional.empty(), null);
        }
        return teamMembers.getOrDefault((team + "/" + login).toLowerCase(java.util.Locale.ROOT), false);
    }

    /** As GitHub: reacting twice with the same content leaves one reaction. */
    @Override
    public synchronized void react(long commentId, String content) throws ForgeException {
        try {
            threadOf(commentId);
        } catch (IllegalArgumentException e) {
            throw new ForgeException("no comment " + commentId + " (HTTP 404)", Optional.empty(), e);
        }
        List<String> given = reactions.computeIfAbsent(commentId, id -> new ArrayList<>());
        if (!given.contains(content)) {
            given.add(content);
        }
        writes.add("react " + content + " to comment " + commentId);
    }

    @Override
    public synchronized Issue createIssue(String title, String body, List<String> labels) {
        int number = nextNumber++;
        issues.put(number, new Issue(number, "https://forge.example/issues/" + number, title, body, Issue.State.OPEN, labels,
                BOT_LOGIN));
        issueThreads.put(number, new ArrayList<>());
        writes.add("create issue #" + number);
        return issues.get(number);
    }

    @Override
    public synchronized Optional<Issue> issue(int number) {
        return Optional.ofNullable(issues.get(number));
    }

    @Override
    public synchronized List<Issue> issues(String label) {
        issueLists++;
        return issues.values().stream().filter(i -> i.state() == Issue.State.OPEN && i.labels().contains(label)).toList();
    }

    @Override
    public Optional<String> login() {
        return Optional.of(BOT_LOGIN);
    }

    /** An issue opened on github.com by someone else (or by Drover, when {@code author} is its login). */
    public synchronized Issue issueBy(String author, String title, String body, List<String> labels) {
        int number = nextNumber++;
        issues.put(number, new Issue(number, "https://forge.example/issues/" + number, title, body, Issue.State.OPEN, labels, author));
        issueThreads.put(number, new ArrayList<>());
        return issues.get(number);
    }

    /** Every issue, in the order they were opened. */
    public synchronized List<Issue> allIssues() {
        return List.copyOf(issues.values());
    }

    @Override
    public synchronized void updateIssueBody(int number, String body) throws ForgeException {
        Issue issue = issue(number).orElseThrow(() -> new ForgeException("no issue #" + number + " (HTTP 404)", Optional.empty(), null));
        issues.put(number, new Issue(number, issue.url(), issue.title(), body, issue.state(), issue.labels(),
                issue.author()));
        writes.add("edit issue #" + number);
    }

    @Override
    public synchronized void status(String sha, CommitStatus status) {
        statuses.computeIfAbsent(sha, s -> new java.util.LinkedHashMap<>()).put(status.context(), status);
        writes.add("status " + status.context() + " " + status.state() + " on " + sha.substring(0, 12));
    }

    /** The latest status per context on a commit. */
    public synchronized java.util.Map<String, CommitStatus> statuses(String sha) {
        return java.util.Map.copyOf(statuses.getOrDefault(sha, java.util.Map.of()));
    }

    @Override
    public synchronized List<Comment> comments(int number) {
        return List.copyOf(thread(number));
    }

    @Override
    public synchronized MergeReadiness readiness(int number) {
        return mergeable ? MergeReadiness.ready() : MergeReadiness.notYet("checks pending");
    }

    @Override
    public synchronized boolean merge(int number, String headSha, String message) throws ForgeException {
        try {
            if (!origin.tip(pull(number).request().head()).name().equals(headSha)) {
                return false;
            }
            mergeWithMessage(number, message);
            mergers.put(number, BOT_LOGIN);
            writes.add("merge #" + number);
            return true;
        } catch (IOException e) {
            throw new ForgeException(e.getMessage(), Optional.empty(), e);
        }
    }

    @Override
    public synchronized void close(int number) {
        closeAsReviewer(number);
        writes.add("close #" + number);
    }

    private PullRequest view(Record r) {
        String headSha;
        try {
            ObjectIdHolder tip = new ObjectIdHolder(origin.tip(r.request().head()));
            headSha = tip.name();
        } catch (IOException e) {
            headSha = "";
        }
        return new PullRequest(r.number(), "https://forge.example/pull/" + r.number(), r.request().head(), headSha, r.state(),
                Optional.ofNullable(r.mergeSha()), Optional.ofNullable(r.mergedAt()), r.request().title(), r.request().body(),
                r.request().labels(), BOT_LOGIN);
    }

    private record ObjectIdHolder(org.eclipse.jgit.lib.ObjectId id) {
        String name() {
            return id == null ? "" : id.name();
        }
    }
}
