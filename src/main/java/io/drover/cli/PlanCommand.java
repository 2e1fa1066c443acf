package io.drover.cli;

import io.drover.fleet.FleetReadMemo;
import io.drover.fleet.FleetReader;
import io.drover.fleet.InvalidFleetException;
import io.drover.git.GitFailure;
import io.drover.kustomize.OverlayBuilds.Build;
import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.model.Problem;
import io.drover.model.Rollout;
import io.drover.planning.PlanRefusedException;
import io.drover.planning.Planner;
import io.drover.planning.templates.TemplateSet;
import io.drover.policy.InvalidPolicyException;
import io.drover.policy.NewClusterNames;
import io.drover.policy.Policy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Prints the pull requests a rollout would take: an overview with a line per step, then each step"
                + " with its files, diff and the rows of the capacity table it moved.",
                "Read-only: writes nothing to the fleet repo and talks to no server."},
        footer = {"", "Every kustomization a step touches is built after that step with kustomize.",
                "When FLEET_DIR is in a Git repository, steps of the rollout already merged (Drover-Step trailers in the"
                        + " history of --ref, or of HEAD) are counted, so step numbers say where the rollout stands.", "",
                "Exit codes:", "  0  planned, or nothing to do",
                "  1  invalid fleet repo or policy (every problem listed; with --output json as JSON on stdout)",
                "  2  bad usage: an unknown option value, a --policy or --ref that names nothing, a FLEET_DIR that is no fleet repo",
                "  3  plan refused (the failing arithmetic shown)", "  4  a kustomize build failed"})
final class PlanCommand implements Callable<Integer> {

    enum Output { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FLEET_DIR", description = "The fleet repository: the directory holding clusters/,"
            + " argocd/, traffic/ and rollouts/.")
    Path fleetDir;

    @Option(names = "--rollout", paramLabel = "NAME",
            description = "The rollout to plan (metadata.name in rollouts/). Needed when there are several.")
    String rolloutName;

    @Option(names = "--policy", paramLabel = "NAME|FILE", description = "The policy to plan under instead of the rollout's:"
            + " a name, looked up in the fleet repo's policies/ and then among Drover's (default, conservative, regional),"
            + " or the path of a policy file.")
    String policyOption;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json (schema: docs/plan-json.md).")
    Output output;

    @Option(names = "--diff", paramLabel = "MODE", description = "In text output: none (the files), stat (the files with"
            + " lines added and removed, like git diff --stat) or full (stat, then the diff). Default: full for plans of up to "
            + DiffMode.FULL_UP_TO_STEPS + " steps, stat for longer ones. JSON always has the full diff.")
    DiffMode diff;

    @Option(names = "--ref", paramLabel = "REV",
            description = "Read the fleet from this commit of the Git repository holding FLEET_DIR (e.g. HEAD, main)"
                    + " instead of the files on disk.")
    String revision;

    @Option(names = "--kustomize", paramLabel = "COMMAND",
            description = "How to run kustomize, e.g. \"kustomize build\". Default: kustomize build if on PATH, else kubectl kustomize.")
    String kustomizeCommand;

    @Option(names = "--skip-builds", description = "Do not build the touched kustomizations.")
    boolean skipBuilds;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try (FleetDirectory directory = FleetDirectory.open(fleetDir, revision)) {
            return plan(directory);
        } catch (UsageProblem e) {
            err.println("drover plan: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("drover plan: cannot read the fleet repo " + fleetDir + ": " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
    }

    private int plan(FleetDirectory directory) throws UsageProblem, IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FleetFiles files;
        try {
            directory.checkLayout();
            files = directory.files();
        } catch (InvalidFleetException e) {
            return invalid(e.getMessage(), e.problems(), "the fleet repository");
        }
        // The plan reads a state per step; this read is the first, so that the next parses only what step 1 changed.
        FleetReadMemo memo = new FleetReadMemo();
        Fleet fleet = null;
        SortedMap<String, Rollout> rollouts;
        List<Problem> fleetProblems = new ArrayList<>();
        try {
            fleet = FleetReader.read(files, memo);
            rollouts = fleet.rollouts();
        } catch (InvalidFleetException e) {
            fleetProblems.addAll(e.problems());
            rollouts = e.rollouts();
        }
        Rollout rollout = null;
        try {
            rollout = chooseRollout(rollouts);
        } catch (UsageProblem e) {
            if (fleetProblems.isEmpty()) {
                throw e;
            }
            // the rollout meant may be among the broken files
        }
        // The policy is read even when the fleet is broken, so that one run lists every problem.
        List<Problem> policyProblems = new ArrayList<>();
        Policy policy = null;
        if (rollout != null) {
            try {
                policy = PolicyChoice.of(policyOption, files, rollout);
            } catch (InvalidPolicyException e) {
                e.problems().stream().filter(p -> !fleetProblems.contains(p)).forEach(policyProblems::add);
            }
        }
        if (fleet != null && policy != null) {
            fleetProblems.addAll(NewClusterNames.problems(fleet, rollout, policy));
        }
        if (!fleetProblems.isEmpty() || !policyProblems.isEmpty()) {
            return invalid(fleetProblems, policyProblems);
        }
        // Each step's section is written out as the step is planned; only the overview's rows are kept.
        StepBuilds builds = skipBuilds ? StepBuilds.none() : new StepBuilds(files, kustomizeCommand, err);
        Rollout planned = rollout;
        Supplier<RolloutProgress> progress = () -> progress(directory, planned, err);
        try (builds; PlanOutput printed = output == Output.json ? new PlanJson(progress, builds)
                : new PlanText(progress, builds, diff)) {
            Planner.plan(fleet, rollout, policy, TemplateSet.forFleet(files), memo, printed);
            printed.finish(out);
        } catch (PlanRefusedException e) {
            err.println("Plan refused: " + e.getMessage());
            return ExitCodes.PLAN_REFUSED;
        } catch (UncheckedIOException e) {
            err.println("drover plan: " + e.getMessage() + ": " + e.getCause().getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        out.flush();
        List<Build> failed = builds.failed();
        if (!failed.isEmpty()) {
            failed.forEach(b -> err.println("kustomize build failed after step " + b.step() + " in " + b.directory() + ":\n"
                    + b.result().message().indent(2)));
            return ExitCodes.BUILD_FAILED;
        }
        return ExitCodes.OK;
    }

    /** Exit 1 with the fleet's problems and the policy's, found in one pass. */
    private int invalid(List<Problem> fleetProblems, List<Problem> policyProblems) throws IOException {
        List<String> messages = new ArrayList<>();
        if (!fleetProblems.isEmpty()) {
            messages.add(new InvalidFleetException(fleetProblems).getMessage());
        }
        if (!policyProblems.isEmpty()) {
            messages.add(new InvalidPolicyException(policyProblems).getMessage());
        }
        List<Problem> all = new ArrayList<>(fleetProblems);
        all.addAll(policyProblems);
        String what = policyProblems.isEmpty() ? "the fleet repository"
                : fleetProblems.isEmpty() ? "the policy" : "the fleet repository and the policy";
        return invalid(String.join("\n", messages), all, what);
    }

    /** Exit 1 with every problem: as text on stderr, or as JSON on stdout for --output json. */
    private int invalid(String message, List<Problem> problems, String what) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (output == Output.json) {
            PlanJson.writeProblems(problems, spec.commandLine().getOut());
            err.println("drover plan: " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + what
                    + ", listed on stdout as JSON. Nothing was planned.");
        } else {
            err.println(message);
            err.println("Nothing was planned. Fix the problems above and run drover plan again.");
        }
        return ExitCodes.INVALID_INPUT;
    }

    /** The history only numbers the steps: when it cannot be read, the plan is still right, numbered from 1. */
    private RolloutProgress progress(FleetDirectory directory, Rollout rollout, PrintWriter err) {
        try {
            return directory.progress(rollout.name());
        } catch (GitFailure e) {
            err.println("drover plan: " + e.getMessage() + "; steps are numbered as if none were merged");
            return RolloutProgress.NO_HISTORY;
        }
    }

    private Rollout chooseRollout(SortedMap<String, Rollout> rollouts) throws UsageProblem {
        if (rolloutName != null) {
            Rollout rollout = rollouts.get(rolloutName);
            if (rollout == null) {
                throw new UsageProblem("no rollout named '" + rolloutName + "' in rollouts/; there "
                        + (rollouts.isEmpty() ? "are none" : "are: " + String.join(", ", rollouts.keySet())));
            }
            return rollout;
        }
        if (rollouts.size() == 1) {
            return rollouts.values().iterator().next();
        }
        if (rollouts.isEmpty()) {
            throw new UsageProblem("the fleet repo declares no rollout: add rollouts/<name>.yaml (kind: Rollout, see docs/fleet-repo-format.md)");
        }
        throw new UsageProblem("the fleet repo declares " + rollouts.size() + " rollouts ("
                + String.join(", ", rollouts.keySet()) + "): choose one with --rollout NAME");
    }
}
