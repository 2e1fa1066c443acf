package io.drover.demo;

import io.drover.forge.ForgeException;
import io.drover.forge.local.ForgeUser;
import io.drover.forge.local.LocalForge;
import io.drover.reconcile.Outcome;
import java.time.Clock;
import java.time.Duration;

/**
 * The demo's ChatOps moment: the reviewer pauses the rollout with {@code /drover pause} on the step's
 * pull request, holds it a moment, and goes on with {@code /drover resume}. The comments go through
 * the forge as a person's would; what Drover answered is reported from the passes that follow.
 */
final class DemoChatOps {

    private final LocalForge forge;
    private final ForgeUser reviewer;
    private final Pacer pacer;
    private final Clock clock;
    private final ProgressPrinter printer;

    DemoChatOps(LocalForge forge, ForgeUser reviewer, Pacer pacer, Clock clock, ProgressPrinter printer) {
        this.forge = forge;
        this.reviewer = reviewer;
        this.pacer = pacer;
        this.clock = clock;
        this.printer = printer;
    }

    /**
     * Pauses on pull request {@code pr}, runs a pass, holds for {@code hold}, resumes and runs a
     * pass. What Drover answered is printed as the pass reported it, not as the demo expects it.
     */
    void pauseAndResume(int pr, Duration hold, PassRunner passes) throws ForgeException, InterruptedException {
        forge.commentAs(reviewer, pr, "/drover pause looking at the new cluster's dashboards first");
        printer.event("@" + reviewer.login() + " on #" + pr + ": /drover pause");
        Outcome paused = passes.pass();
        printer.event("Drover answered: " + paused.detail());
        pacer.waitUntil(clock.instant().plus(hold));
        forge.commentAs(reviewer, pr, "/drover resume");
        printer.event("@" + reviewer.login() + " on #" + pr + ": /drover resume");
        Outcome resumed = passes.pass();
        printer.event("Drover goes on: " + resumed.detail());
    }
}
