package io.drover.cli;

import io.drover.audit.AuditTrail;
import io.drover.audit.TrailReader;
import io.drover.git.GitFailure;
import io.drover.git.HistorySource;
import io.drover.git.HistorySource.BranchTip;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Prints what Git holds about Drover's rollouts: each merged step with its pull request, who merged it"
                + " and when, its gate result and soak; and every decision taken with a /drover command (who, what, when, why).",
                "Read from the branch's first-parent history (the Drover-Rollout, Drover-Step and Drover-Step-Id trailers of"
                        + " the step commits) and Drover's notes in refs/notes/drover, without Drover running. Read-only."},
        footer = {"", "REPO is a directory (a working tree, a bare repository, Drover's own clone) or a URL; a URL is cloned"
                + " bare, with its notes, into a temporary directory removed afterwards (DROVER_REPO_TOKEN, if set, is the"
                + " token for HTTPS). In a clone of your own, fetch the notes first:",
                "  git fetch origin refs/notes/drover:refs/notes/drover",
                "Format of the notes and of the JSON output: docs/audit.md.", "",
                "Exit codes:", "  0  printed, also when no rollout is found",
                "  1  the repository cannot be read",
                "  2  bad usage: an unknown option value, a --since that is no date, a --branch or --rollout not found"
                        + " (those found are listed)"})
final class AuditCommand implements Callable<Integer> {

    enum Output { text, json, csv }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REPO", description = "The fleet repository: a directory or a URL.")
    String repository;

    @Option(names = "--branch", paramLabel = "NAME", defaultValue = "main",
            description = "The base branch the steps are merged into (default: ${DEFAULT-VALUE}).")
    String branch;

    @Option(names = "--rollout", paramLabel = "NAME", description = "Only this rollout.")
    String rollout;

    @Option(names = "--since", paramLabel = "DATE", description = "Only the steps merged and the decisions taken at or after"
            + " DATE: 2026-11-01 (midnight UTC), 2026-11-01T09:30:00Z or 2026-11-01T10:30:00+01:00.")
    String since;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json (one object, schema in docs/audit.md) or csv (one row per event).")
    Output output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Instant> from;
        try {
            from = since == null ? Optional.empty() : Optional.of(SinceDate.parse(since));
        } catch (UsageProblem e) {
            err.println("drover audit: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (HistorySource source = HistorySource.open(repository, Optional.ofNullable(System.getenv("DROVER_REPO_TOKEN")))) {
            AuditTrail trail = select(read(source), from);
            print(trail, from);
            return ExitCodes.OK;
        } catch (UsageProblem e) {
            err.println("drover audit: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (GitFailure e) {
            err.println("drover audit: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        } catch (IOException e) {
            err.println("drover audit: cannot write the output: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
    }

    private AuditTrail read(HistorySource source) throws GitFailure, UsageProblem {
        Optional<BranchTip> tip = source.tip(branch);
        if (tip.isEmpty()) {
            List<String> branches = source.branches();
            throw new UsageProblem("--branch " + branch + ": no such branch in " + repository + "; "
                    + (branches.isEmpty() ? "it has no branch at all" : "give one of " + String.join(", ", branches)));
        }
        try (var history = source.history()) {
            return TrailReader.read(history, tip.get().name(), tip.get().commit());
        }
    }

    private AuditTrail select(AuditTrail trail, Optional<Instant> from) throws UsageProblem {
        AuditTrail selected = trail;
        if (rollout != null) {
            selected = trail.only(rollout).orElseThrow(() -> new UsageProblem("--rollout " + rollout + ": no rollout of that"
                    + " name in the history of " + trail.branch() + "; " + (trail.rollouts().isEmpty() ? "no rollout is found there at all"
                            : "the rollouts there are: " + String.join(", ", trail.rolloutNames()))));
        }
        return from.map(selected::since).orElse(selected);
    }

    private void print(AuditTrail trail, Optional<Instant> from) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        switch (output) {
            case json -> AuditJson.write(trail, from, out);
            case csv -> AuditCsv.write(trail, out);
            case text -> AuditText.write(trail, from, out);
        }
        out.flush();
    }
}
