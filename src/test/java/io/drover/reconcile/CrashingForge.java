package io.drover.reconcile;

import io.drover.forge.Comment;
import io.drover.forge.CommitStatus;
import io.drover.forge.Forge;
import io.drover.forge.ForgeException;
import io.drover.forge.Issue;
import io.drover.forge.MergeReadiness;
import io.drover.forge.NewPullRequest;
import io.drover.forge.PullRequest;
import io.drover.forge.RepositoryPermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kills the process (throws {@link Killed}) around chosen writes: "before-open:3" dies on the third
 * open before the forge sees it (the branch is pushed, the PR is not opened); "after-open:5" dies
 * after the forge opened it (the response is lost). The same for label, edit, comment, merge and
 * close. "between-open:2" dies inside the second open where the GitHub adapter makes two requests:
 * the pull request is created, its labels are not set.
 */
final class CrashingForge implements Forge {

    /** An Error, as a process death is: nothing in Drover may catch it and carry on. */
    static final class Killed extends Error {
        Killed(String point) {
            super("killed at " + point);
        }
    }

    private final Forge forge;
    private final Set<String> points;
    private final Map<String, Integer> calls = new HashMap<>();

    CrashingForge(Forge forge, Set<String> points) {
        this.forge = forge;
        this.points = points;
    }

    private <T> T around(String write, ForgeCall<T> call) throws ForgeException {
        int n = calls.merge(write, 1, Integer::sum);
        if (points.contains("before-" + write + ":" + n)) {
            throw new Killed("before-" + write + ":" + n);
        }
        T result = call.run();
        if (points.contains("after-" + write + ":" + n)) {
            throw new Killed("after-" + write + ":" + n);
        }
        return result;
    }

    interface ForgeCall<T> {
        T run() throws ForgeException;
    }

    @Override
    public List<PullRequest> openPullRequests(String headPrefix) throws ForgeException {
        return forge.openPullRequests(headPrefix);
    }

    @Override
    public Optional<PullRequest> findByHead(String head) throws ForgeException {
        return forge.findByHead(head);
    }

    @Override
    public PullRequest open(NewPullRequest request) throws ForgeException {
        return around("open", () -> {
            int n = calls.get("open");
            if (points.contains("between-open:" + n)) {
                forge.open(new NewPullRequest(request.head(), request.base(), request.title(), request.body(), List.of()));
                throw new Killed("between-open:" + n);
            }
            return forge.open(request);
        });
    }

    @Override
    public void addLabels(int number, List<String> labels) throws ForgeException {
        around("label", () -> {
            forge.addLabels(number, labels);
            return null;
        });
    }

    @Override
    public void removeLabel(int number, String label) throws ForgeException {
        around("unlabel", () -> {
            forge.removeLabel(number, label);
            return null;
        });
    }

    @Override
    public void edit(int number, String title, String body) throws ForgeException {
        around("edit", () -> {
            forge.edit(number, title, body);
            return null;
        });
    }

    @Override
    public void comment(int number, String body) throws ForgeException {
        around("comment", () -> {
            forge.comment(number, body);
            return null;
        });
    }

    @Override
    public void status(String sha, CommitStatus status) throws ForgeException {
        forge.status(sha, status);
    }

    @Override
    public List<Comment> comments(int number) throws ForgeException {
        return forge.comments(number);
    }

    @Override
    public MergeReadiness readiness(int number) throws ForgeException {
        return forge.readiness(number);
    }

    @Override
    public boolean merge(int number, String headSha, String message) throws ForgeException {
        return around("merge", () -> forge.merge(number, headSha, message));
    }

    @Override
    public void close(int number) throws ForgeException {
        around("close", () -> {
            forge.close(number);
            return null;
        });
    }

    @Override
    public RepositoryPermission permission(String login) throws ForgeException {
        return forge.permission(login);
    }

    @Override
    public void react(long commentId, String content) throws ForgeException {
        around("react", () -> {
            forge.react(commentId, content);
            return null;
        });
    }

    @Override
    public Issue createIssue(String title, String body, List<String> labels) throws ForgeException {
        return around("create-issue", () -> forge.createIssue(title, body, labels));
    }

    @Override
    public List<Issue> issues(String label) throws ForgeException {
        return forge.issues(label);
    }

    @Override
    public Optional<String> login() throws ForgeException {
        return forge.login();
    }

    @Override
    public Optional<String> mergedBy(int number) throws ForgeException {
        return forge.mergedBy(number);
    }

    @Override
    public Optional<Issue> issue(int number) throws ForgeException {
        return forge.issue(number);
    }

    @Override
    public void updateIssueBody(int number, String body) throws ForgeException {
        around("update-issue", () -> {
            forge.updateIssueBody(number, body);
            return null;
        });
    }
}
