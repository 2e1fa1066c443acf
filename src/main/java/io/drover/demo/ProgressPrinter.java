package io.drover.demo;

import io.drover.forge.PullRequest;
import io.drover.status.AppView;
import io.drover.status.GateView;
import io.drover.status.RolloutView;
import io.drover.status.StepState;
import io.drover.status.StepView;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The demo's live output: a line when a step's pull request opens, and one when the step is done
 * (who merged it, how long its gate waited and for which applications, how long it soaked), a line
 * per event between (pause, resume, a failed gate, a rollback), each with the time since the start. On a terminal a
 * progress bar below them shows where the rollout stands and what the gate waits for right now.
 */
final class ProgressPrinter {

    private static final int BAR_WIDTH = 24;

    private final PrintWriter out;
    private final Clock clock;
    private final Instant start;
    private final boolean terminal;
    private final int width;
    private Optional<StepLine> current = Optional.empty();
    private String bar = "";

    /** One step as it happens: filled in from the forge and from the views the reconciler publishes. */
    private static final class StepLine {
        final int number;
        final int total;
        final String id;
        final PullRequest pr;
        final Instant opened;
        Instant merged;
        String mergedBy = "";
        Instant gatePassed;
        String gateApps = "";

        StepLine(int number, int total, String id, PullRequest pr, Instant opened) {
            this.number = number;
            this.total = total;
            this.id = id;
            this.pr = pr;
            this.opened = opened;
        }
    }

    ProgressPrinter(PrintWriter out, Clock clock, boolean terminal, int width) {
        this.out = out;
        this.clock = clock;
        this.start = clock.instant();
        this.terminal = terminal;
        this.width = Math.max(40, width);
    }

    /** A line as it is, without the time: headers and the end. */
    void say(String line) {
        clearBar();
        out.println(line);
        out.flush();
    }

    /** A line about something that happened, with the time since the start. */
    void event(String what) {
        say(elapsed() + "  " + what);
    }

    /** A step's pull request is open: its line now, what became of it once it is done. */
    void opened(StepView step, int total, PullRequest pr) {
        finishStep();
        current = Optional.of(new StepLine(step.number(), total, step.id(), pr, clock.instant()));
        clearBar();
        out.println(padded(String.format(Locale.ROOT, "step %2d/%d  #%d %s", step.number(), total, pr.number(), title(pr)),
                elapsed()));
        out.flush();
    }

    void merged(int number, String by) {
        current.filter(s -> s.pr.number() == number).ifPresent(s -> {
            s.merged = clock.instant();
            s.mergedBy = by;
        });
    }

    /** What the latest pass saw; records when the current step's gate passed, and redraws the bar. */
    void view(RolloutView view) {
        Optional<GateView> gate = view.gate();
        current.filter(s -> s.gatePassed == null && s.merged != null).ifPresent(s -> gate
                .filter(g -> g.stepId().equals(s.id) && g.verdict().equals("passed")).ifPresent(g -> {
                    s.gatePassed = clock.instant();
                    s.gateApps = apps(g.apps());
                }));
        if (terminal) {
            drawBar(view);
        }
    }

    /** The step under way is done, or the rollout stops: what became of it, as far as it got. */
    void finishStep() {
        current.ifPresent(s -> {
            clearBar();
            StringBuilder detail = new StringBuilder("           #").append(s.pr.number()).append(' ');
            if (s.merged == null) {
                detail.append("not merged");
            } else {
                detail.append("merged by ").append(s.mergedBy);
                if (s.gatePassed == null) {
                    detail.append(" · gate has not passed");
                } else {
                    detail.append(" · gate passed after ").append(seconds(Duration.between(s.merged, s.gatePassed)))
                            .append(": ").append(s.gateApps).append(" · soaked ")
                            .append(seconds(Duration.between(s.gatePassed, clock.instant())));
                }
            }
            out.println(padded(detail.toString(), elapsed()));
            out.flush();
        });
        current = Optional.empty();
    }

    String elapsed() {
        Duration d = Duration.between(start, clock.instant());
        return String.format(Locale.ROOT, "%02d:%02d", d.toMinutes(), d.toSecondsPart());
    }

    private void drawBar(RolloutView view) {
        List<StepView> steps = view.steps();
        long done = steps.stream().filter(s -> s.state() == StepState.DONE).count();
        int filled = steps.isEmpty() ? 0 : (int) (BAR_WIDTH * done / steps.size());
        String now = view.gate().filter(g -> g.verdict().equals("waiting"))
                .map(g -> "gate of " + g.stepId() + " waits: " + waitingApps(g.apps()))
                .orElse(view.next());
        String line = "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + done + "/" + steps.size() + " "
                + elapsed() + "  " + now;
        bar = line.length() >= width ? line.substring(0, width - 1) : line;
        out.print("\r\033[K" + bar);
        out.flush();
    }

    private void clearBar() {
        if (terminal && !bar.isEmpty()) {
            out.print("\r\033[K");
            bar = "";
        }
    }

    /** The time at the right margin; a longer line keeps all its text and gets the time after it. */
    private String padded(String left, String right) {
        int room = Math.max(width, 100) - right.length() - 1;
        String shown = left;
        return shown + " ".repeat(Math.max(1, room - shown.length() + 1)) + right;
    }

    private static String title(PullRequest pr) {
        // The title starts with "[drover ROLLOUT k/n] "; the step line says that already.
        String title = pr.title();
        return title.startsWith("[drover ") && title.contains("] ") ? title.substring(title.indexOf("] ") + 2) : title;
    }

    /** Applications by cluster, each named without its cluster: {@code prod-euw-03 (cluster, ingress-nginx, shop)}. */
    static String apps(List<AppView> apps) {
        if (apps.isEmpty()) {
            return "no application";
        }
        Map<String, List<String>> byCluster = new LinkedHashMap<>();
        for (AppView app : apps) {
            byCluster.computeIfAbsent(app.cluster(), c -> new java.util.ArrayList<>()).add(shortName(app));
        }
        // The gate passed: an application it saw nothing of must be gone (a retired cluster's), the others run the merge.
        String state = apps.stream().allMatch(a -> a.health().isBlank()) ? "gone" : "Synced and Healthy";
        return byCluster.entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining(", ")) + " " + state;
    }

    private static String waitingApps(List<AppView> apps) {
        List<String> waiting = apps.stream().filter(a -> !a.verdict().equals("passed"))
                .map(a -> a.application() + " " + (a.health().isBlank() ? "absent" : a.sync() + "/" + a.health())).toList();
        return waiting.isEmpty() ? "refreshing" : String.join(", ", waiting);
    }

    private static String shortName(AppView app) {
        String name = app.application();
        if (name.startsWith(app.cluster() + "-")) {
            return name.substring(app.cluster().length() + 1);
        }
        if (name.endsWith("-" + app.cluster())) {
            return name.substring(0, name.length() - app.cluster().length() - 1);
        }
        return name;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
