package io.drover.cli;

import io.drover.audit.TrailReader;
import io.drover.demo.Demo;
import io.drover.demo.DemoPolicy;
import io.drover.demo.DemoProblem;
import io.drover.demo.Pacer;
import io.drover.demo.StatusServer;
import io.drover.git.GitFailure;
import io.drover.git.HistorySource;
import io.drover.status.StatusBoard;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs a whole gated rollout of a copy of a fleet repo on this machine, with no GitHub and no Argo CD.",
                "The reconciler of drover serve proposes each step as a pull request on a local forge (branches of a local"
                + " bare repository, pull requests as JSON beside it), a reviewer (@dana) merges each one, the real Argo CD"
                + " gate waits for an embedded stand-in that derives the Applications from the ApplicationSets and cluster"
                + " Secrets at each revision and turns them Synced and Healthy a moment after a merge, and each step soaks"
                + " before the next opens. After step 2 @dana comments /drover pause, then /drover resume.",
                "The rollout runs under policy demo, written into the copy as policies/demo.yaml: the rollout's policy with"
                        + " soak times divided by --speed, no change or freeze windows (the demo runs at any hour), gate"
                        + " timeouts divided too but at least 30s, and a rollback pull request when a gate fails.",
                "Prints a line when a step's pull request opens and one when the step is done (who merged it, how long"
                        + " the gate waited and for which applications, how long it soaked), each with the time since the"
                        + " start, a progress bar on a terminal, then"
                        + " the drover audit report of the result and where the repository is: git log shows the trail."},
        footer = {"", "The directory holds origin.git (the forge's repository), forge/ (pull requests, comments, statuses"
                + " as JSON), drover-data/ (Drover's clone, as drover serve keeps it) and fleet/ (a clone of the result"
                + " with Drover's notes: git -C DIR/fleet log --graph --notes=drover).", "",
                "Exit codes:", "  0  the rollout completed; with --inject-failure: the gate failed, the rollout paused and"
                        + " the rollback pull request is open",
                "  1  FLEET_DIR cannot be read, is no valid fleet repo or does not declare exactly one rollout",
                "  2  bad usage: an unknown option, a --speed below 1, a --dir that is not empty, a --status-port that is taken",
                "  5  the demo did not get there (the rollout blocked, paused or failed): the reason is printed"})
final class DemoCommand implements Callable<Integer> {

    private static final int DEFAULT_WIDTH = 100;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FLEET_DIR", defaultValue = "${sys:drover.home:-.}/fleet-repo-example",
            description = "The fleet repo to copy (default: ${DEFAULT-VALUE}, the bundled example, found from any directory"
                    + " when run by the drover script); it is only read.")
    Path fleet;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to put the demo's repositories: a new or empty"
            + " directory (default: a new temporary directory, kept afterwards).")
    Path directory;

    @Option(names = "--speed", paramLabel = "FACTOR", defaultValue = "300", description = "How many times faster than the"
            + " policy the steps soak: 300 (the default) turns 15 minutes into 3 seconds, and the example's 32 steps into"
            + " about two minutes. At least 1.")
    double speed;

    @Option(names = "--inject-failure", description = "Make an application of the new cluster go Degraded after the first"
            + " traffic shift, to show the gate failing, the rollout pausing and Drover's rollback pull request.")
    boolean injectFailure;

    @Option(names = "--status-port", paramLabel = "PORT", description = "Serve the status page of drover serve (and its JSON"
            + " at /api/rollouts) on http://127.0.0.1:PORT/ while the demo runs; 0 takes a free port. The address is printed"
            + " at the start.")
    Integer statusPort;

    private final Clock clock;
    private final Pacer pacer;
    private final Optional<Boolean> terminal;

    DemoCommand() {
        this(Clock.systemUTC(), Pacer.sleeping(Clock.systemUTC()), Optional.empty());
    }

    /** With a clock and pacer of a test's own, and whether to draw the progress bar. */
    DemoCommand(Clock clock, Pacer pacer, Optional<Boolean> terminal) {
        this.clock = clock;
        this.pacer = pacer;
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(speed >= 1)) {
            err.println("drover demo: --speed " + speed + ": give a factor of at least 1 (300: 15 minutes soak in 3 seconds)");
            return ExitCodes.USAGE;
        }
        Path dir;
        try {
            dir = directory != null ? directory : Files.createTempDirectory("drover-demo-");
            if (directory != null && Files.isDirectory(directory)) {
                try (var entries = Files.list(directory)) {
                    if (entries.findAny().isPresent()) {
                        err.println("drover demo: --dir " + directory + " is not empty; give a new or empty directory");
                        return ExitCodes.USAGE;
                    }
                }
            }
        } catch (IOException e) {
            err.println("drover demo: cannot create a directory for the demo: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        if (!Files.isDirectory(fleet)) {
            err.println("drover demo: " + fleet + " is no directory; give the fleet repo to copy (Drover's own directory"
                    + " holds the bundled example, fleet-repo-example/)");
            return ExitCodes.INVALID_INPUT;
        }
        boolean bar = terminal.orElseGet(() -> System.console() != null);
        StatusBoard board = new StatusBoard();
        StatusServer server = null;
        if (statusPort != null) {
            try {
                server = StatusServer.start(statusPort, board);
            } catch (IOException | IllegalArgumentException e) {
                err.println("drover demo: --status-port " + statusPort + ": cannot serve the status page there: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            out.println("Status page: " + server.url() + "  (JSON: " + server.url().resolve("api/rollouts")
                    + "; while the demo runs)");
        }
        Demo.Result result;
        try {
            result = new Demo(Demo.Settings.of(fleet, dir, speed, injectFailure), clock, pacer, out, bar, width(), board).run();
        } catch (DemoProblem e) {
            err.println("drover demo: " + e.getMessage());
            return e.stopped() ? ExitCodes.DEMO_FAILED : ExitCodes.INVALID_INPUT;
        } finally {
            if (server != null) {
                server.close();
            }
        }
        out.println();
        audit(result, out, err);
        out.println();
        out.println("The result: " + result.repository() + "  (" + result.stepsMerged() + " of " + result.steps()
                + " steps merged)");
        out.println("  git -C " + result.repository() + " log --graph --notes=drover      # the trail: merges, step commits, Drover's notes");
        out.println("  ls " + dir.resolve("forge").resolve("pulls") + "                        # the pull requests with their comments");
        out.println("  The rollout ran under " + DemoPolicy.PATH + " of that repository.");
        out.flush();
        return result.succeeded() ? ExitCodes.OK : ExitCodes.DEMO_FAILED;
    }

    private void audit(Demo.Result result, PrintWriter out, PrintWriter err) {
        try (HistorySource source = HistorySource.open(result.origin().toString(), Optional.empty())) {
            var tip = source.tip("main").orElseThrow(() -> new GitFailure("the demo's repository has no branch main"));
            try (var history = source.history()) {
                out.println("$ drover audit " + result.origin());
                AuditText.write(TrailReader.read(history, tip.name(), tip.commit()), Optional.empty(), out);
            }
        } catch (GitFailure e) {
            err.println("drover demo: cannot read the audit trail: " + e.getMessage());
        }
    }

    private static int width() {
        try {
            return Integer.parseInt(Optional.ofNullable(System.getenv("COLUMNS")).orElse(String.valueOf(DEFAULT_WIDTH)).strip());
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }
}
