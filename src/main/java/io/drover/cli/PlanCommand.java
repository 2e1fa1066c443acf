package io.drover.cli;

import io.drover.fleet.FleetReader;
import io.drover.fleet.FleetSource;
import io.drover.fleet.InvalidFleetException;
import io.drover.kustomize.Kustomize;
import io.drover.kustomize.OverlayBuilds;
import io.drover.kustomize.OverlayBuilds.Build;
import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.model.Rollout;
import io.drover.planning.Plan;
import io.drover.planning.PlanRefusedException;
import io.drover.planning.Planner;
import io.drover.planning.templates.TemplateSet;
import io.drover.policy.InvalidPolicyException;
import io.drover.policy.Policy;
import io.drover.policy.PolicyCatalog;
import io.drover.policy.PolicyReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Prints the pull requests a rollout would take, with their diffs and capacity tables.",
                "Read-only: writes nothing to the fleet repo and talks to no server."},
        footer = {"", "Every kustomization a step touches is built after that step with kustomize.", "",
                "Exit codes:", "  0  planned, or nothing to do", "  1  invalid fleet repo or policy (every problem listed)",
                "  2  bad usage", "  3  plan refused (the failing arithmetic shown)", "  4  a kustomize build failed"})
final class PlanCommand implements Callable<Integer> {

    enum Output { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FLEET_DIR", description = "The fleet repository (a directory).")
    Path fleetDir;

    @Option(names = "--rollout", paramLabel = "NAME",
            description = "The rollout to plan (metadata.name in rollouts/). Needed when there are several.")
    String rolloutName;

    @Option(names = "--policy", paramLabel = "FILE", description = "A policy file to use instead of the rollout's policy.")
    Path policyFile;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json (schema: docs/plan-json.md).")
    Output output;

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
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(fleetDir)) {
            err.println("drover plan: " + fleetDir + " is not a directory");
            return ExitCodes.USAGE;
        }
        FleetFiles files;
        try {
            files = revision == null ? FleetSource.directory(fleetDir) : FleetSource.revision(fleetDir, revision);
        } catch (IOException e) {
            err.println("drover plan: cannot read the fleet repo: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        Fleet fleet;
        Rollout rollout;
        Policy policy;
        try {
            fleet = FleetReader.read(files);
            rollout = chooseRollout(fleet);
            policy = policyFile == null ? PolicyCatalog.resolve(files, rollout.policyName())
                    : PolicyReader.read(policyFile.toString(), Files.readString(policyFile));
        } catch (InvalidFleetException | InvalidPolicyException e) {
            err.println(e.getMessage());
            err.println("Nothing was planned. Fix the problems above and run drover plan again.");
            return ExitCodes.INVALID_INPUT;
        } catch (UsageProblem e) {
            err.println("drover plan: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Plan plan;
        try {
            plan = Planner.plan(fleet, rollout, policy, TemplateSet.forFleet(files));
        } catch (PlanRefusedException e) {
            err.println("Plan refused: " + e.getMessage());
            return ExitCodes.PLAN_REFUSED;
        }
        List<Build> builds = List.of();
        if (!skipBuilds && !plan.isEmpty()) {
            Kustomize kustomize = Kustomize.resolve(kustomizeCommand);
            err.println("Building the kustomizations each of the " + plan.steps().size() + " steps touches with '"
                    + kustomize.command() + "'...");
            builds = new OverlayBuilds(kustomize).check(files, plan);
        }
        if (output == Output.json) {
            out.println(PlanJson.render(plan, builds));
        } else {
            PlanText.render(plan, builds, out);
        }
        out.flush();
        List<Build> failed = builds.stream().filter(b -> !b.result().ok()).toList();
        if (!failed.isEmpty()) {
            failed.forEach(b -> err.println("kustomize build failed after step " + b.step() + " in " + b.directory() + ":\n"
                    + b.result().message().indent(2)));
            return ExitCodes.BUILD_FAILED;
        }
        return ExitCodes.OK;
    }

    private Rollout chooseRollout(Fleet fleet) throws UsageProblem {
        if (rolloutName != null) {
            Rollout rollout = fleet.rollouts().get(rolloutName);
            if (rollout == null) {
                throw new UsageProblem("no rollout named '" + rolloutName + "' in rollouts/; there "
                        + (fleet.rollouts().isEmpty() ? "are none" : "are: " + String.join(", ", fleet.rollouts().keySet())));
            }
            return rollout;
        }
        if (fleet.rollouts().size() == 1) {
            return fleet.rollouts().values().iterator().next();
        }
        if (fleet.rollouts().isEmpty()) {
            throw new UsageProblem("the fleet repo declares no rollout: add rollouts/<name>.yaml (kind: Rollout, see docs/fleet-repo-format.md)");
        }
        throw new UsageProblem("the fleet repo declares " + fleet.rollouts().size() + " rollouts ("
                + String.join(", ", fleet.rollouts().keySet()) + "): choose one with --rollout NAME");
    }

    private static final class UsageProblem extends Exception {
        UsageProblem(String message) {
            super(message);
        }
    }
}
