package io.drover.demo;

import io.drover.forge.ForgeException;
import io.drover.forge.PullRequest;
import io.drover.forge.local.LocalForge;
import io.drover.git.GitFailure;
import io.drover.reconcile.Outcome;
import io.drover.reconcile.Outcome.Action;
import io.drover.reconcile.Reconciler;
import io.drover.status.RolloutView;
import io.drover.status.StepState;
import io.drover.status.StepView;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.RefSpec;

/**
 * The demo's passes and the reviewer between them: runs a pass, merges the pull request Drover
 * opened, and otherwise waits until the rollout says it wants to be looked at again, until the
 * rollout is done, blocked, or (with an injected failure) its rollback is open.
 */
final class DemoLoop {

    private static final int FAILED_PASSES_ALLOWED = 5;

    private final Demo.Settings settings;
    private final Clock clock;
    private final Pacer pacer;
    private final ProgressPrinter printer;
    private final LocalForge forge;
    private final Reconciler reconciler;
    private final AtomicReference<RolloutView> latest;
    private final String rollout;
    private final Optional<FailureInjection> failure;
    private final Set<Integer> seen = new HashSet<>();
    private final DemoChatOps chatOps;
    private boolean steered;
    private String lastPause = "";
    private int merged;

    DemoLoop(Demo.Settings settings, Clock clock, Pacer pacer, ProgressPrinter printer, LocalForge forge,
            Reconciler reconciler, AtomicReference<RolloutView> latest, String rollout, Optional<FailureInjection> failure) {
        this.settings = settings;
        this.clock = clock;
        this.pacer = pacer;
        this.printer = printer;
        this.forge = forge;
        this.reconciler = reconciler;
        this.latest = latest;
        this.rollout = rollout;
        this.failure = failure;
        this.chatOps = new DemoChatOps(forge, Demo.REVIEWER, pacer, clock, printer);
    }

    Demo.Result run(Path dir, Instant started) throws ForgeException, DemoProblem, InterruptedException, GitFailure {
        int failedInARow = 0;
        while (true) {
            Outcome outcome = pass();
            if (outcome.action() == Action.FAILED) {
                if (++failedInARow >= FAILED_PASSES_ALLOWED) {
                    return end(dir, started, false, "the demo gave up after " + failedInARow + " failed passes: " + outcome.detail());
                }
                printer.event("pass failed, trying again: " + outcome.detail());
                pacer.waitUntil(clock.instant().plus(settings.longestWait()));
                continue;
            }
            failedInARow = 0;
            if (outcome.action() == Action.DONE) {
                return end(dir, started, !settings.injectFailure(), settings.injectFailure()
                        ? "the rollout completed although --inject-failure was given: no traffic shift to fail"
                        : "rollout " + rollout + " complete: " + outcome.detail());
            }
            if (outcome.action() == Action.BLOCKED) {
                return end(dir, started, false, "rollout " + rollout + " is blocked: " + outcome.detail());
            }
            Optional<PullRequest> rollback = open("drover/" + rollout + "/rollback/").stream().findFirst();
            if (rollback.isPresent()) {
                printer.event("Drover opened #" + rollback.get().number() + " " + rollback.get().title());
                return end(dir, started, true, "the gate failed, the rollout is paused, and rollback #"
                        + rollback.get().number() + " waits for review (the demo leaves it open)");
            }
            if (outcome.action() == Action.PAUSED) {
                if (!outcome.detail().equals(lastPause)) {
                    lastPause = outcome.detail();
                    printer.event("paused: " + outcome.detail());
                }
                if (failure.isEmpty()) {
                    return end(dir, started, false, "rollout " + rollout + " paused: " + outcome.detail());
                }
            }
            Optional<PullRequest> step = open("drover/" + rollout + "/").stream()
                    .filter(p -> !p.head().contains("/rollback/")).findFirst();
            if (step.isPresent()) {
                review(step.get());
                continue;
            }
            if (!steered && settings.pauseAfterStep() > 0 && gatePassedOf(settings.pauseAfterStep()).isPresent()) {
                steered = true;
                chatOps.pauseAndResume(gatePassedOf(settings.pauseAfterStep()).get(), settings.pauseHold(), this::pass);
                continue;
            }
            Instant longest = clock.instant().plus(settings.longestWait());
            Instant wake = outcome.comeBackAt().filter(t -> t.isBefore(longest)).orElse(longest);
            pacer.waitUntil(wake);
        }
    }

    private Outcome pass() {
        try {
            List<Outcome> outcomes = reconciler.pass();
            Optional.ofNullable(latest.get()).ifPresent(printer::view);
            return outcomes.stream().filter(o -> o.rollout().equals(rollout)).findFirst()
                    .or(() -> outcomes.stream().filter(o -> o.action() == Action.FAILED || o.action() == Action.BLOCKED).findFirst())
                    .orElse(failed("the pass reported nothing about rollout " + rollout));
        } catch (GitFailure | ForgeException e) {
            return failed(e.getMessage());
        }
    }

    private Outcome failed(String why) {
        return new Outcome(rollout, Action.FAILED, why, Optional.empty());
    }

    /** The reviewer reads the new pull request for a moment and merges it. */
    private void review(PullRequest pr) throws ForgeException, InterruptedException, DemoProblem {
        Optional<StepView> stepView = Optional.ofNullable(latest.get()).flatMap(v -> v.steps().stream()
                .filter(s -> s.state() == StepState.PR_OPEN).findFirst());
        int total = Optional.ofNullable(latest.get()).map(v -> v.steps().size()).orElse(0);
        if (seen.add(pr.number())) {
            printer.opened(stepView.orElse(new StepView(merged + 1, "", "", StepState.PR_OPEN, Optional.empty())), total, pr);
        }
        pacer.waitUntil(clock.instant().plus(settings.reviewTime()));
        String sha = forge.mergeAs(Demo.REVIEWER, pr.number());
        merged++;
        printer.merged(pr.number(), Demo.REVIEWER.login());
        if (failure.isPresent() && stepView.isPresent()) {
            Optional<String> app = failure.get().afterMerge(stepView.get().kind(), sha);
            if (app.isPresent()) {
                printer.event("--inject-failure: Argo CD will report " + app.get() + " Degraded once it has synced #"
                        + pr.number() + "'s merge " + sha.substring(0, 12));
            }
        }
    }

    /** The pull request of step {@code number} once its gate has passed (it soaks), while the next has none. */
    private Optional<Integer> gatePassedOf(int number) {
        return Optional.ofNullable(latest.get()).flatMap(v -> v.steps().stream()
                .filter(s -> s.number() == number && s.state() == StepState.SOAKING).findFirst())
                .flatMap(StepView::pr).map(p -> p.number());
    }

    private List<PullRequest> open(String prefix) {
        return forge.openPullRequests(prefix);
    }

    private Demo.Result end(Path dir, Instant started, boolean succeeded, String why) throws DemoProblem {
        printer.finishStep();
        Path repository = dir.resolve("fleet");
        cloneWithNotes(forge.origin().url(), repository);
        int steps = Optional.ofNullable(latest.get()).map(v -> v.steps().size()).orElse(0);
        Duration took = Duration.between(started, clock.instant());
        return new Demo.Result(succeeded, (succeeded ? "Done: " : "Stopped: ") + why + " (" + printer.elapsed() + ")",
                forge.origin().directory(), repository, merged, steps,
                open("drover/" + rollout + "/rollback/").stream().findFirst().map(PullRequest::number), took);
    }

    /** The result as a working copy with Drover's notes, so that {@code git log --notes=drover} shows the trail. */
    private static void cloneWithNotes(String url, Path directory) throws DemoProblem {
        try (Git git = Git.cloneRepository().setURI(url).setDirectory(directory.toFile()).setBranch(Demo.BASE).call()) {
            git.fetch().setRemote("origin").setRefSpecs(new RefSpec("+refs/notes/drover:refs/notes/drover")).call();
        } catch (GitAPIException e) {
            throw DemoProblem.stopped("cannot clone the demo's repository into " + directory + ": " + e.getMessage(), e);
        }
    }
}
