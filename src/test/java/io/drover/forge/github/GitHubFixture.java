package io.drover.forge.github;

import io.drover.gate.NoHealthGate;
import io.drover.git.BotIdentity;
import io.drover.git.FleetWorkspace;
import io.drover.model.FleetFiles;
import io.drover.reconcile.ReconcileSettings;
import io.drover.reconcile.Reconciler;
import io.drover.testing.GitOrigin;
import io.drover.testing.MutableClock;
import io.drover.testing.github.StubGitHub;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.CredentialsProvider;

/**
 * A real origin, the stub GitHub in front of it (branches read live from the origin, merges made
 * in it, with the message GitHub would write), and Drover's reconcilers over a data directory.
 */
final class GitHubFixture implements AutoCloseable {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    final GitOrigin origin;
    final StubGitHub github;
    private final Path dataDir;
    private final List<FleetWorkspace> opened = new ArrayList<>();

    GitHubFixture(Path tmp, FleetFiles files) throws Exception {
        origin = GitOrigin.withFiles(tmp.resolve("origin.git"), files);
        dataDir = tmp.resolve("data/fleet.git");
        github = new StubGitHub("acme/fleet", clock);
        github.setBranchSource(branch -> {
            try {
                return Optional.ofNullable(origin.tip(branch)).map(ObjectId::name);
            } catch (IOException e) {
                return Optional.empty();
            }
        });
        github.setMergeHandler(merge -> {
            String message = merge.commitMessage() == null || merge.commitMessage().isEmpty() ? merge.commitTitle()
                    : merge.commitTitle() + "\n\n" + merge.commitMessage();
            ObjectId sha = origin.merge(merge.pullRequest().head(), message, clock.instant());
            if (sha == null) {
                throw new StubGitHub.MergeConflict(merge.pullRequest().head() + " conflicts with main");
            }
            return sha.name();
        });
        github.start();
    }

    /**
     * A reconciler as a freshly started service builds it, with a new GitHub client that waits
     * {@code requestTimeout} for each answer.
     */
    Reconciler freshReconciler(Duration requestTimeout) throws Exception {
        return freshReconciler(requestTimeout, new NoHealthGate());
    }

    /** The same, with the gate of the test's choice. */
    Reconciler freshReconciler(Duration requestTimeout, io.drover.gate.Gate gate) throws Exception {
        return freshReconciler(requestTimeout, gate, io.drover.ops.RemoteCalls.NONE);
    }

    /** The same, reporting GitHub requests to {@code calls}. */
    Reconciler freshReconciler(Duration requestTimeout, io.drover.gate.Gate gate, io.drover.ops.RemoteCalls calls)
            throws Exception {
        FleetWorkspace workspace = FleetWorkspace.open(dataDir, origin.url(), CredentialsProvider.getDefault());
        opened.add(workspace);
        GitHubForge forge = GitHubForge.connect(github.apiUrl(), "test-token", "acme/fleet", "main", Duration.ZERO,
                requestTimeout, clock, calls);
        return new Reconciler(workspace, forge, gate, clock,
                new ReconcileSettings("main", new BotIdentity("Drover", "drover@fleet.example.com"), "drover"));
    }

    @Override
    public void close() {
        github.stop();
        opened.forEach(FleetWorkspace::close);
        origin.close();
    }
}
