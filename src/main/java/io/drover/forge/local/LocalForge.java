package io.drover.forge.local;

import io.drover.forge.Comment;
import io.drover.forge.CommitStatus;
import io.drover.forge.Forge;
import io.drover.forge.ForgeException;
import io.drover.forge.Issue;
import io.drover.forge.MergeReadiness;
import io.drover.forge.NewPullRequest;
import io.drover.forge.PullRequest;
import io.drover.forge.RepositoryPermission;
import io.drover.forge.local.ForgeStore.StoredStatuses;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A forge without a server, for {@code drover demo}: pull requests are branches of a local bare
 * repository ({@link LocalRepository}) plus their metadata in JSON files beside it
 * ({@link ForgeStore}); a merge is a real merge commit titled as GitHub titles it ("Merge pull
 * request #N from OWNER/BRANCH"), and the pull request's head is kept under
 * {@code refs/pull/N/head} as on GitHub. Pull requests and issues share one sequence of numbers.
 * Everything Drover does through the {@link Forge} port it does as {@code drover}, the forge's
 * bot user; people act through the {@code ...As} methods.
 */
public final class LocalForge implements Forge {

    private static final String GITHUB_COMMITTER_NAME = "Local forge";
    private static final String GITHUB_COMMITTER_EMAIL = "forge@drover.invalid";

    private final LocalRepository origin;
    private final ForgeStore store;
    private final String owner;
    private final String base;
    private final ForgeUser drover;
    private final Clock clock;
    private final Map<String, ForgeUser> users = new LinkedHashMap<>();
    private final Map<Integer, StoredPull> pulls = new TreeMap<>();
    private final Map<Integer, StoredIssue> issues = new TreeMap<>();
    private final Map<String, StoredStatuses> statuses = new LinkedHashMap<>();
    private int nextNumber = 1;
    private long nextCommentId = 1;

    private LocalForge(LocalRepository origin, ForgeStore store, String owner, String base, ForgeUser drover, Clock clock) {
        this.origin = origin;
        this.store = store;
        this.owner = owner;
        this.base = base;
        this.drover = drover;
        this.clock = clock;
        addUser(drover);
    }

    /**
     * The forge over {@code origin}, keeping its metadata under {@code storeDirectory} and reading
     * back what an earlier run left there. {@code owner} is the repository's owner as merge
     * commits name it; {@code drover} the user Drover acts as.
     */
    public static LocalForge open(LocalRepository origin, Path storeDirectory, String owner, String base, ForgeUser drover,
            Clock clock) throws IOException {
        LocalForge forge = new LocalForge(origin, new ForgeStore(storeDirectory), owner, base, drover, clock);
        forge.load();
        return forge;
    }

    private void load() throws IOException {
        for (StoredPull pull : store.pulls()) {
            pulls.put(pull.number(), pull);
            note(pull.number(), pull.comments());
        }
        for (StoredIssue issue : store.issues()) {
            issues.put(issue.number(), issue);
            note(issue.number(), issue.comments());
        }
        store.statuses().forEach(s -> statuses.put(s.sha(), s));
    }

    private void note(int number, List<StoredComment> comments) {
        nextNumber = Math.max(nextNumber, number + 1);
        comments.forEach(c -> nextCommentId = Math.max(nextCommentId, c.id() + 1));
    }

    /** Gives a user their permission on the repository; users never added are no collaborators. */
    public synchronized LocalForge addUser(ForgeUser user) {
        users.put(user.login().toLowerCase(Locale.ROOT), user);
        return this;
    }

    public LocalRepository origin() {
        return origin;
    }

    /** The directory holding the pull requests, issues and statuses as JSON. */
    public Path storeDirectory() {
        return store.root();
    }

    // ---- what people do ----

    /** Opens a pull request as {@code user} would on the forge's web page. */
    public synchronized PullRequest openAs(ForgeUser user, NewPullRequest request) throws ForgeException {
        addUser(user);
        return create(user, request);
    }

    /**
     * Merges as a reviewer pressing the merge button: GitHub's title, then the pull request's
     * title, the merge commit authored by the reviewer. Answers the merge commit.
     */
    public synchronized String mergeAs(ForgeUser reviewer, int number) throws ForgeException {
        StoredPull pull = pull(number);
        return mergeWith(pull, reviewer, pull.title());
    }

    /** A comment by {@code user}; answers its id. */
    public synchronized long commentAs(ForgeUser user, int number, String body) throws ForgeException {
        addUser(user);
        return post(number, user, body).id();
    }

    /** Who merged the pull request, as a login; empty while it is not merged. */
    public synchronized Optional<String> mergedBy(int number) {
        return Optional.ofNullable(pulls.get(number)).map(StoredPull::mergedBy);
    }

    /** The latest status per context on a commit. */
    public synchronized Map<String, CommitStatus> statuses(String sha) {
        return Map.copyOf(Optional.ofNullable(statuses.get(sha)).map(StoredStatuses::byContext).orElse(Map.of()));
    }

    /** The reactions a comment got, oldest first. */
    public synchronized List<String> reactions(long commentId) {
        return allComments().stream().filter(c -> c.id() == commentId).findFirst().map(StoredComment::reactions)
                .orElse(List.of());
    }

    // ---- the Forge port, as Drover's bot user ----

    @Override
    public synchronized List<PullRequest> openPullRequests(String headPrefix) {
        return pulls.values().stream().filter(p -> p.state() == PullRequest.State.OPEN && p.head().startsWith(headPrefix))
                .map(this::view).toList();
    }

    @Override
    public synchronized Optional<PullRequest> findByHead(String head) {
        return pulls.values().stream().filter(p -> p.head().equals(head)).max(Comparator.comparingInt(StoredPull::number))
                .map(this::view);
    }

    @Override
    public synchronized PullRequest open(NewPullRequest request) throws ForgeException {
        return create(drover, request);
    }

    private PullRequest create(ForgeUser author, NewPullRequest request) throws ForgeException {
        if (!request.base().equals(base)) {
            throw failure("pull requests go into " + base + ", not " + request.base(), null);
        }
        ObjectId head = tip(request.head()).orElseThrow(() -> failure("no branch " + request.head() + " to open a pull request from",
                null));
        if (pulls.values().stream().anyMatch(p -> p.state() == PullRequest.State.OPEN && p.head().equals(request.head()))) {
            // GitHub answers 422 for a second open pull request from one head.
            throw failure("a pull request already exists for " + request.head(), null);
        }
        int number = nextNumber++;
        StoredPull pull = new StoredPull(number, request.head(), request.base(), request.title(), request.body(),
                request.labels(), author.login(), clock.instant(), PullRequest.State.OPEN, null, null, null, List.of());
        save(pull);
        moveRef("refs/pull/" + number + "/head", head);
        return view(pull);
    }

    @Override
    public synchronized void addLabels(int number, List<String> labels) throws ForgeException {
        StoredPull pull = pull(number);
        List<String> all = new ArrayList<>(pull.labels());
        labels.stream().filter(l -> !all.contains(l)).forEach(all::add);
        save(pull.withLabels(all));
    }

    @Override
    public synchronized void removeLabel(int number, String label) throws ForgeException {
        StoredPull pull = pull(number);
        List<String> rest = new ArrayList<>(pull.labels());
        rest.remove(label);
        save(pull.withLabels(rest));
    }

    @Override
    public synchronized void edit(int number, String title, String body) throws ForgeException {
        save(pull(number).withTexts(title, body));
    }

    @Override
    public synchronized void comment(int number, String body) throws ForgeException {
        post(number, drover, body);
    }

    @Override
    public synchronized List<Comment> comments(int number) throws ForgeException {
        List<StoredComment> thread = pulls.containsKey(number) ? pulls.get(number).comments() : issue(number, "comments").comments();
        return thread.stream().map(c -> c.view(url(number) + "#comment-" + c.id())).toList();
    }

    @Override
    public synchronized MergeReadiness readiness(int number) throws ForgeException {
        StoredPull pull = pull(number);
        if (pull.state() != PullRequest.State.OPEN) {
            return MergeReadiness.notYet("#" + number + " is " + pull.state().name().toLowerCase(Locale.ROOT));
        }
        try {
            return origin.mergesCleanly(base, pull.head()) ? MergeReadiness.ready()
                    : MergeReadiness.notYet(pull.head() + " conflicts with " + base);
        } catch (IOException e) {
            throw failure("cannot tell whether #" + number + " merges: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean merge(int number, String headSha, String message) throws ForgeException {
        StoredPull pull = pull(number);
        if (pull.state() != PullRequest.State.OPEN || !tip(pull.head()).map(ObjectId::name).orElse("").equals(headSha)) {
            return false;
        }
        try {
            if (!origin.mergesCleanly(base, pull.head())) {
                return false;
            }
        } catch (IOException e) {
            throw failure("cannot merge #" + number + ": " + e.getMessage(), e);
        }
        mergeWith(pull, drover, message);
        return true;
    }

    private String mergeWith(StoredPull pull, ForgeUser merger, String message) throws ForgeException {
        if (pull.state() != PullRequest.State.OPEN) {
            throw failure("#" + pull.number() + " is " + pull.state().name().toLowerCase(Locale.ROOT) + ", not open", null);
        }
        Instant now = clock.instant();
        String title = "Merge pull request #" + pull.number() + " from " + owner + "/" + pull.head();
        try {
            ObjectId merged = origin.merge(base, pull.head(), message.isBlank() ? title : title + "\n\n" + message,
                    merger.at(now), new org.eclipse.jgit.lib.PersonIdent(GITHUB_COMMITTER_NAME, GITHUB_COMMITTER_EMAIL, now,
                            java.time.ZoneOffset.UTC))
                    .orElseThrow(() -> failure("#" + pull.number() + " conflicts with " + base + "; it cannot be merged", null));
            save(pull.merged(merged.name(), now, merger.login()));
            return merged.name();
        } catch (IOException e) {
            throw failure("cannot merge #" + pull.number() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close(int number) throws ForgeException {
        StoredPull pull = pull(number);
        if (pull.state() == PullRequest.State.OPEN) {
            save(pull.closed());
        }
    }

    @Override
    public synchronized void status(String sha, CommitStatus status) throws ForgeException {
        StoredStatuses on = statuses.getOrDefault(sha, new StoredStatuses(sha, Map.of()));
        Map<String, CommitStatus> byContext = new LinkedHashMap<>(on.byContext());
        byContext.put(status.context(), status);
        StoredStatuses updated = new StoredStatuses(sha, byContext);
        try {
            store.save(updated);
        } catch (IOException e) {
            throw failure("cannot keep the status: " + e.getMessage(), e);
        }
        statuses.put(sha, updated);
    }

    /** The local forge has no organizations or teams: nobody is a member. */
    @Override
    public boolean isActiveTeamMember(String org, String teamSlug, String login) {
        return false;
    }

    @Override
    public synchronized RepositoryPermission permission(String login) {
        ForgeUser user = users.get(login.toLowerCase(Locale.ROOT));
        return user == null ? RepositoryPermission.none(login)
                : new RepositoryPermission(user.login(), user.id(), user.permission(), user.permission());
    }

    @Override
    public synchronized void react(long commentId, String content) throws ForgeException {
        UnaryOperator<StoredComment> react = c -> c.id() == commentId ? c.reacted(content) : c;
        for (StoredPull pull : pulls.values()) {
            if (pull.comments().stream().anyMatch(c -> c.id() == commentId)) {
                save(pull.mapComments(react));
                return;
            }
        }
        for (StoredIssue issue : issues.values()) {
            if (issue.comments().stream().anyMatch(c -> c.id() == commentId)) {
                save(issue.mapComments(react));
                return;
            }
        }
        throw failure("no comment " + commentId + " (HTTP 404)", null);
    }

    @Override
    public synchronized Issue createIssue(String title, String body, List<String> labels) throws ForgeException {
        StoredIssue issue = new StoredIssue(nextNumber++, title, body, Issue.State.OPEN, labels, List.of());
        save(issue);
        return view(issue);
    }

    @Override
    public synchronized Optional<Issue> issue(int number) {
        return Optional.ofNullable(issues.get(number)).map(this::view);
    }

    @Override
    public synchronized void updateIssueBody(int number, String body) throws ForgeException {
        save(issue(number, "edit").withBody(body));
    }

    // ---- keeping it ----

    private StoredComment post(int number, ForgeUser user, String body) throws ForgeException {
        Instant now = clock.instant();
        StoredComment comment = new StoredComment(nextCommentId++, user.login(), user.id(), user.bot(), body, now, now, List.of());
        if (pulls.containsKey(number)) {
            save(pulls.get(number).withComment(comment));
        } else {
            save(issue(number, "comment on").withComment(comment));
        }
        return comment;
    }

    private List<StoredComment> allComments() {
        List<StoredComment> all = new ArrayList<>();
        pulls.values().forEach(p -> all.addAll(p.comments()));
        issues.values().forEach(i -> all.addAll(i.comments()));
        return all;
    }

    private void save(StoredPull pull) throws ForgeException {
        try {
            store.save(pull);
        } catch (IOException e) {
            throw failure("cannot keep #" + pull.number() + ": " + e.getMessage(), e);
        }
        pulls.put(pull.number(), pull);
    }

    private void save(StoredIssue issue) throws ForgeException {
        try {
            store.save(issue);
        } catch (IOException e) {
            throw failure("cannot keep issue #" + issue.number() + ": " + e.getMessage(), e);
        }
        issues.put(issue.number(), issue);
    }

    private StoredPull pull(int number) throws ForgeException {
        StoredPull pull = pulls.get(number);
        if (pull == null) {
            throw failure("no pull request #" + number + " (HTTP 404)", null);
        }
        return pull;
    }

    private StoredIssue issue(int number, String what) throws ForgeException {
        StoredIssue issue = issues.get(number);
        if (issue == null) {
            throw failure("cannot " + what + " #" + number + ": no pull request or issue of that number (HTTP 404)", null);
        }
        return issue;
    }

    private Optional<ObjectId> tip(String branch) throws ForgeException {
        try {
            return origin.tip(branch);
        } catch (IOException e) {
            throw failure("cannot read branch " + branch + ": " + e.getMessage(), e);
        }
    }

    private void moveRef(String ref, ObjectId id) throws ForgeException {
        try {
            origin.move(ref, id);
        } catch (IOException e) {
            throw failure(e.getMessage(), e);
        }
    }

    private PullRequest view(StoredPull pull) {
        String headSha;
        try {
            headSha = origin.tip(pull.head()).map(ObjectId::name).orElse("");
        } catch (IOException e) {
            headSha = "";
        }
        return new PullRequest(pull.number(), url(pull.number()), pull.head(), headSha, pull.state(),
                Optional.ofNullable(pull.mergeSha()), Optional.ofNullable(pull.mergedAt()), pull.title(), pull.body(),
                pull.labels(), pull.author());
    }

    private Issue view(StoredIssue issue) {
        // Only Drover opens issues on the local forge.
        return new Issue(issue.number(), url(issue.number()), issue.title(), issue.body(), issue.state(), issue.labels(),
                drover.login());
    }

    @Override
    public synchronized List<Issue> issues(String label) {
        return issues.values().stream()
                .filter(i -> i.state() == Issue.State.OPEN && i.labels().contains(label))
                .map(this::view)
                .toList();
    }

    /** Where a person reads the pull request or issue: its JSON file. */
    private String url(int number) {
        return (pulls.containsKey(number) ? store.pullFile(number)
                : store.root().resolve("issues").resolve(number + ".json")).toUri().toString();
    }

    private static ForgeException failure(String message, Throwable cause) {
        return new ForgeException(message, Optional.empty(), cause);
    }
}
