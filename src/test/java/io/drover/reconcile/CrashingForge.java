package io.drover.reconcile;

import io.drover.forge.Comment;
import io.drover.forge.CommitStatus;
import io.drover.forge.Forge;
import io.drover.forge.ForgeException;
import io.drover.forge.MergeReadiness;
import io.drover.forge.NewPullRequest;
import io.drover.forge.PullRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kills the process (throws {@link Killed}) around chosen writes: "before-open:3" dies on the third
 * open before the forge sees it (the branch is pushed, the PR is not opened); "after-open:5" dies
 * after the forge opened it (the response is lost). The same for comment and merge.
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
        return around("open", () -> forge.open(request));
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
    public boolean merge(int number, String headSha, String commitTitle) throws ForgeException {
        return around("merge", () -> forge.merge(number, headSha, commitTitle));
    }

    @Override
    public void close(int number) throws ForgeException {
        around("close", () -> {
            forge.close(number);
            return null;
        });
    }
}
