package io.drover.demo;

import io.drover.argocd.ArgoCdGate;
import io.drover.argocd.standin.ArgoCdStandIn;
import io.drover.argocd.standin.StandInTiming;
import io.drover.fleet.FleetReader;
import io.drover.fleet.InvalidFleetException;
import io.drover.forge.ForgeException;
import io.drover.forge.PullRequest;
import io.drover.forge.local.ForgeUser;
import io.drover.forge.local.LocalForge;
import io.drover.forge.local.LocalRepository;
import io.drover.git.BotIdentity;
import io.drover.git.FleetWorkspace;
import io.drover.git.GitFailure;
import io.drover.leader.AlwaysLeader;
import io.drover.model.FleetFiles;
import io.drover.reconcile.Outcome;
import io.drover.reconcile.Outcome.Action;
import io.drover.reconcile.ReconcileSettings;
import io.drover.reconcile.Reconciler;
import io.drover.status.RolloutView;
import io.drover.status.StepState;
import io.drover.status.StepView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;

/**
 * {@code drover demo}: a whole gated rollout of a copy of a fleet repo through the reconciler
 * {@code drover serve} runs ({@link Reconciler}: observe, decide, act), with GitHub replaced by a
 * {@link LocalForge} and Argo CD by an {@link ArgoCdStandIn} behind the real {@link ArgoCdGate}.
 * A reviewer merges each step's pull request; the demo runs passes when the rollout says it waits
 * for something (the gate's next look, the end of a soak), as the service's timer does.
 */
public final class Demo {

    /** The user Drover acts as on the local forge. */
    public static final ForgeUser DROVER = new ForgeUser("drover", 1, true, "write", "Drover", "drover@fleet.example");
    /** The platform engineer who starts the rollout and reviews and merges every step. */
    public static final ForgeUser REVIEWER = new ForgeUser("dana", 2, false, "admin", "Dana Reviewer", "dana@fleet.example");
    static final String BASE = "main";
    private static final String OWNER = "demo";
    private static final int FAILED_PASSES_ALLOWED = 5;

    /**
     * @param speed         how many times faster than the policy the rollout soaks
     * @param argoCd        how fast the stand-in syncs and turns Healthy
     * @param reviewTime    how long the reviewer takes to merge an opened pull request
     * @param recheck       how soon the gate looks again while it waits
     * @param longestWait   the longest the demo waits between two passes (the progress shown is that fresh)
     * @param pauseAfterStep the step whose soak the reviewer interrupts with /drover pause and /drover resume (0: none)
     */
    public record Settings(Path fleet, Path directory, double speed, boolean injectFailure, StandInTiming argoCd,
            Duration reviewTime, Duration recheck, Duration longestWait, int pauseAfterStep, Duration pauseHold) {

        /** What {@code drover demo} runs with: about two minutes for the example at speed 300. */
        public static Settings of(Path fleet, Path directory, double speed, boolean injectFailure) {
            return new Settings(fleet, directory, speed, injectFailure,
                    new StandInTiming(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMillis(900), Duration.ofMillis(500)),
                    Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofSeconds(1), 2, Duration.ofSeconds(2));
        }
    }

    /**
     * How it ended: {@code succeeded} when the demo showed what it set out to (the rollout complete,
     * or with {@code --inject-failure} the rollback pull request open); the repositories it leaves.
     */
    public record Result(boolean succeeded, String summary, Path origin, Path repository, int stepsMerged, int steps,
            Optional<Integer> rollbackPullRequest, Duration took) {
    }

    private final Settings settings;
    private final Clock clock;
    private final Pacer pacer;
    private final ProgressPrinter printer;
    private final Consumer<RolloutView> views;

    public Demo(Settings settings, Clock clock, Pacer pacer, java.io.PrintWriter out, boolean terminal, int width) {
        this(settings, clock, pacer, out, terminal, width, view -> { });
    }

    /** As above, also publishing the rollout's view after each pass to {@code views} (the status page's board). */
    public Demo(Settings settings, Clock clock, Pacer pacer, java.io.PrintWriter out, boolean terminal, int width,
            Consumer<RolloutView> views) {
        this.settings = settings;
        this.clock = clock;
        this.pacer = pacer;
        this.printer = new ProgressPrinter(out, clock, terminal, width);
        this.views = views;
    }

    public Result run() throws DemoProblem, InterruptedException {
        Instant started = clock.instant();
        FleetFiles files = DemoOrigin.read(settings.fleet());
        Path dir = emptyDirectory(settings.directory());
        try (LocalRepository origin = LocalRepository.create(dir.resolve("origin.git"), BASE)) {
            LocalForge forge = LocalForge.open(origin, dir.resolve("forge"), OWNER, BASE, DROVER, clock).addUser(REVIEWER);
            DemoOrigin.Seeded seeded = DemoOrigin.seed(files, settings.fleet(), settings.speed(), forge, REVIEWER, BASE, clock);
            header(dir, seeded);
            ArgoCdStandIn argoCd = new ArgoCdStandIn(origin.repository(), BASE, origin.url(), clock, settings.argoCd());
            Optional<FailureInjection> failure = settings.injectFailure()
                    ? Optional.of(new FailureInjection(argoCd, origin.repository(), FailureInjection.clusterNames(read(files))))
                    : Optional.empty();
            AtomicReference<RolloutView> latest = new AtomicReference<>();
            try (FleetWorkspace workspace = FleetWorkspace.open(dir.resolve("drover-data").resolve("fleet.git"), origin.url(),
                    CredentialsProvider.getDefault())) {
                Reconciler reconciler = new Reconciler(workspace, forge, new ArgoCdGate(argoCd, origin.url(), settings.recheck()),
                        clock, new ReconcileSettings(BASE, new BotIdentity(DROVER.name(), DROVER.email()), "drover"),
                        AlwaysLeader.INSTANCE, view -> {
                            latest.set(view);
                            views.accept(view);
                        });
                Loop loop = new Loop(forge, reconciler, latest, seeded.rollout().name(), failure);
                Result result = loop.run(dir, started);
                printer.say("");
                printer.say(result.summary());
                return result;
            }
        } catch (GitFailure | IOException | ForgeException e) {
            throw DemoProblem.stopped("the demo stopped: " + e.getMessage(), e);
        }
    }

    private void header(Path dir, DemoOrigin.Seeded seeded) {
        printer.say("Drover demo: rollout " + seeded.rollout().name() + " (" + seeded.rollout().strategy() + " to "
                + seeded.rollout().targetVersion() + ") of a copy of " + settings.fleet() + ", through the reconciler of drover serve.");
        printer.say("  GitHub is a local forge (pull requests as branches of " + dir.resolve("origin.git") + " and JSON in "
                + dir.resolve("forge") + "),");
        printer.say("  Argo CD an embedded stand-in: Applications from the ApplicationSets at each revision, synced and Healthy"
                + " about " + seconds(settings.argoCd().healthy()) + " after a merge.");
        printer.say("  Policy " + DemoPolicy.NAME + " (" + DemoPolicy.PATH + "): " + seeded.original().name()
                + " with soak times divided by " + seeded.demo().speedText() + ", change windows ignored (any time is allowed),"
                + " rollback on a failed gate.");
        printer.say("  @" + REVIEWER.login() + " started the rollout with #" + seeded.startPullRequest() + " and merges each step's"
                + " pull request" + (settings.injectFailure() ? "; --inject-failure: an application goes Degraded after the first"
                        + " traffic shift." : "."));
        printer.say("");
    }

    /** The demo's passes and the reviewer between them. */
    private final class Loop {
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

        Loop(LocalForge forge, Reconciler reconciler, AtomicReference<RolloutView> latest, String rollout,
                Optional<FailureInjection> failure) {
            this.forge = forge;
            this.reconciler = reconciler;
            this.latest = latest;
            this.rollout = rollout;
            this.failure = failure;
            this.chatOps = new DemoChatOps(forge, REVIEWER, pacer, clock, printer);
        }

        Result run(Path dir, Instant started) throws ForgeException, DemoProblem, InterruptedException, GitFailure {
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
            String sha = forge.mergeAs(REVIEWER, pr.number());
            merged++;
            printer.merged(pr.number(), REVIEWER.login());
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

        private Result end(Path dir, Instant started, boolean succeeded, String why) throws DemoProblem {
            printer.finishStep();
            Path repository = dir.resolve("fleet");
            cloneWithNotes(forge.origin().url(), repository);
            int steps = Optional.ofNullable(latest.get()).map(v -> v.steps().size()).orElse(0);
            Duration took = Duration.between(started, clock.instant());
            return new Result(succeeded, (succeeded ? "Done: " : "Stopped: ") + why + " (" + printer.elapsed() + ")",
                    forge.origin().directory(), repository, merged, steps,
                    open("drover/" + rollout + "/rollback/").stream().findFirst().map(PullRequest::number), took);
        }
    }

    /** The result as a working copy with Drover's notes, so that {@code git log --notes=drover} shows the trail. */
    private static void cloneWithNotes(String url, Path directory) throws DemoProblem {
        try (Git git = Git.cloneRepository().setURI(url).setDirectory(directory.toFile()).setBranch(BASE).call()) {
            git.fetch().setRemote("origin").setRefSpecs(new RefSpec("+refs/notes/drover:refs/notes/drover")).call();
        } catch (GitAPIException e) {
            throw DemoProblem.stopped("cannot clone the demo's repository into " + directory + ": " + e.getMessage(), e);
        }
    }

    private static io.drover.model.Fleet read(FleetFiles files) throws DemoProblem {
        try {
            return FleetReader.read(files);
        } catch (InvalidFleetException e) {
            throw new DemoProblem(e.getMessage(), e);
        }
    }

    /** The demo's directory: created, or one that exists and is empty. */
    private static Path emptyDirectory(Path directory) throws DemoProblem {
        try {
            Files.createDirectories(directory);
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new DemoProblem("--dir " + directory + " is not empty; give a new or empty directory");
                }
            }
            return directory.toAbsolutePath();
        } catch (IOException e) {
            throw new DemoProblem("cannot create the demo's directory " + directory + ": " + e.getMessage(), e);
        }
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
