package io.drover.demo;

import io.drover.argocd.ArgoCdGate;
import io.drover.argocd.standin.ArgoCdStandIn;
import io.drover.argocd.standin.StandInTiming;
import io.drover.fleet.FleetReader;
import io.drover.fleet.InvalidFleetException;
import io.drover.forge.ForgeException;
import io.drover.forge.local.ForgeUser;
import io.drover.forge.local.LocalForge;
import io.drover.forge.local.LocalRepository;
import io.drover.git.BotIdentity;
import io.drover.git.FleetWorkspace;
import io.drover.git.GitFailure;
import io.drover.leader.AlwaysLeader;
import io.drover.model.FleetFiles;
import io.drover.reconcile.ReconcileSettings;
import io.drover.reconcile.Reconciler;
import io.drover.status.RolloutView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jgit.transport.CredentialsProvider;

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
                DemoLoop loop = new DemoLoop(settings, clock, pacer, printer, forge, reconciler, latest, seeded.rollout().name(),
                        failure);
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
