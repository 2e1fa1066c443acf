package io.drover.testing;

import io.drover.forge.Comment;
import io.drover.forge.CommitStatus;
import io.drover.forge.Forge;
import io.drover.forge.ForgeException;
import io.drover.forge.MergeReadiness;
import io.drover.forge.NewPullRequest;
import io.drover.forge.PullRequest;
import io.drover.forge.PullRequest.State;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An in-memory forge over a real origin: pull requests with comments, and a merge that really
 * merges the branch into main. Records every write so tests can assert what happened.
 */
public final class FakeForge implements Forge {

    /** The login Drover's pull requests and comments are made by. */
    public static final String BOT_LOGIN = "drover-bot";

    private final java.util.Map<String, java.util.Map<String, CommitStatus>> statuses = new java.util.HashMap<>();

    public record Record(int number, NewPullRequest request, State state, String mergeSha, java.time.Instant mergedAt,
            List<String> comments) {
    }

    private final GitOrigin origin;
    private final Clock clock;
    private final List<Record> pulls = new ArrayList<>();
    private final List<String> writes = new ArrayList<>();
    public boolean mergeable = true;

    public FakeForge(GitOrigin origin, Clock clock) {
        this.origin = origin;
        this.clock = clock;
    }

    public synchronized List<Record> pulls() {
        return List.copyOf(pulls);
    }

    public synchronized List<String> writes() {
        return List.copyOf(writes);
    }

    public synchronized Record pull(int number) {
        return pulls.get(number - 1);
    }

    /** What a reviewer does: merge the pull request through the forge. */
    public synchronized void mergeAsReviewer(int number) throws IOException {
        mergeWithMessage(number, "");
    }

    /** Merges as GitHub does: its own title, then the message given, if any. */
    private void mergeWithMessage(int number, String message) throws IOException {
        Record pr = pull(number);
        String title = "Merge pull request #" + number + " from " + pr.request().head();
        var sha = origin.merge(pr.request().head(), message.isEmpty() ? title : title + "\n\n" + message, clock.instant());
        if (sha == null) {
            throw new IllegalStateException("#" + number + " conflicts with main");
        }
        pulls.set(number - 1, new Record(number, pr.request(), State.MERGED, sha.name(), clock.instant(), pr.comments()));
    }

    public synchronized void closeAsReviewer(int number) {
        Record pr = pull(number);
        pulls.set(number - 1, new Record(number, pr.request(), State.CLOSED, null, null, pr.comments()));
    }

    public synchronized void reopenAsReviewer(int number) {
        Record pr = pull(number);
        pulls.set(number - 1, new Record(number, pr.request(), State.OPEN, null, null, pr.comments()));
    }

    @Override
    public synchronized List<PullRequest> openPullRequests(String headPrefix) throws ForgeException {
        List<PullRequest> open = new ArrayList<>();
        for (Record r : pulls) {
            if (r.state() == State.OPEN && r.request().head().startsWith(headPrefix)) {
                open.add(view(r));
            }
        }
        return open;
    }

    @Override
    public synchronized Optional<PullRequest> findByHead(String head) throws ForgeException {
        return pulls.stream().filter(r -> r.request().head().equals(head)).max(Comparator.comparingInt(Record::number)).map(this::view);
    }

    @Override
    public synchronized PullRequest open(NewPullRequest request) throws ForgeException {
        if (pulls.stream().anyMatch(r -> r.state() == State.OPEN && r.request().head().equals(request.head()))) {
            // GitHub answers 422 "A pull request already exists" for a second open PR from one head.
            throw new ForgeException("a pull request already exists for " + request.head(), Optional.empty(), null);
        }
        pulls.add(new Record(pulls.size() + 1, request, State.OPEN, null, null, new ArrayList<>()));
        writes.add("open #" + pulls.size() + " " + request.head());
        return view(pulls.get(pulls.size() - 1));
    }

    @Override
    public synchronized void addLabels(int number, List<String> labels) {
        Record pr = pull(number);
        List<String> all = new ArrayList<>(pr.request().labels());
        labels.stream().filter(l -> !all.contains(l)).forEach(all::add);
        change(pr, new NewPullRequest(pr.request().head(), pr.request().base(), pr.request().title(), pr.request().body(), all));
        writes.add("label #" + number);
    }

    @Override
    public synchronized void edit(int number, String title, String body) {
        Record pr = pull(number);
        change(pr, new NewPullRequest(pr.request().head(), pr.request().base(), title, body, pr.request().labels()));
        writes.add("edit #" + number);
    }

    private void change(Record pr, NewPullRequest now) {
        pulls.set(pr.number() - 1, new Record(pr.number(), now, pr.state(), pr.mergeSha(), pr.mergedAt(), pr.comments()));
    }

    @Override
    public synchronized void comment(int number, String body) {
        pull(number).comments().add(body);
        writes.add("comment #" + number);
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
        List<String> bodies = pull(number).comments();
        List<Comment> comments = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            comments.add(new Comment(number * 1000L + i, BOT_LOGIN, bodies.get(i)));
        }
        return comments;
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
