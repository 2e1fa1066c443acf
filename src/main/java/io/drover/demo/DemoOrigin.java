package io.drover.demo;

import io.drover.fleet.FleetReader;
import io.drover.fleet.FleetSource;
import io.drover.fleet.InvalidFleetException;
import io.drover.forge.ForgeException;
import io.drover.forge.NewPullRequest;
import io.drover.forge.local.ForgeUser;
import io.drover.forge.local.LocalForge;
import io.drover.model.Fleet;
import io.drover.model.FleetFiles;
import io.drover.model.Rollout;
import io.drover.policy.InvalidPolicyException;
import io.drover.policy.Policy;
import io.drover.policy.PolicyCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo's fleet repository: a copy of a fleet directory committed into the local forge's
 * repository as its history begins, the fleet as it is today, then the upgrade started the way a
 * platform engineer starts one: a pull request that adds the rollout file (under the demo policy),
 * merged by the reviewer.
 */
final class DemoOrigin {

    /** The rollout the demo runs and the policies it names: the fleet's, and the demo's made from it. */
    record Seeded(Rollout rollout, Policy original, DemoPolicy demo, int startPullRequest) {
    }

    private DemoOrigin() {
    }

    /** Reads the fleet directory and checks it names exactly one rollout; nothing is written yet. */
    static FleetFiles read(Path fleetDirectory) throws DemoProblem {
        try {
            return FleetSource.directory(fleetDirectory);
        } catch (IOException e) {
            throw new DemoProblem("cannot read the fleet directory " + fleetDirectory + ": " + e.getMessage(), e);
        }
    }

    static Seeded seed(FleetFiles files, Path fleetDirectory, double speed, LocalForge forge, ForgeUser engineer, String base,
            Clock clock) throws DemoProblem {
        Fleet fleet;
        try {
            fleet = FleetReader.read(files);
        } catch (InvalidFleetException e) {
            throw new DemoProblem(fleetDirectory + " is no valid fleet repo (drover plan " + fleetDirectory + " lists why):\n"
                    + e.getMessage(), e);
        }
        if (fleet.rollouts().size() != 1) {
            throw new DemoProblem(fleetDirectory + " declares " + fleet.rollouts().size() + " rollouts ("
                    + String.join(", ", fleet.rollouts().keySet()) + "); the demo runs a fleet with exactly one in rollouts/");
        }
        Rollout rollout = fleet.rollouts().values().iterator().next();
        Policy policy;
        try {
            policy = PolicyCatalog.resolve(files, rollout);
        } catch (InvalidPolicyException e) {
            throw new DemoProblem(e.getMessage(), e);
        }
        DemoPolicy demo = new DemoPolicy(policy, speed);
        Map<String, String> today = new TreeMap<>(files.asMap());
        String rolloutYaml = today.remove(rollout.path());
        try {
            forge.origin().commit(base, today, "Fleet as it is today\n\nCopied from " + fleetDirectory.getFileName()
                    + " by drover demo.", engineer.at(clock.instant()));
            String branch = engineer.login() + "/start-" + rollout.name();
            Map<String, String> start = new LinkedHashMap<>();
            start.put(rollout.path(), DemoPolicy.selectIn(rollout.path(), rolloutYaml));
            start.put(DemoPolicy.PATH, demo.yaml());
            forge.origin().move("refs/heads/" + branch, forge.origin().tip(base).orElseThrow());
            forge.origin().commit(branch, start, "Start rollout " + rollout.name() + " under the demo policy\n\n"
                    + "The demo policy is " + policy.name() + " with soak times divided by " + demo.speedText()
                    + ", no change windows and automatic rollback.", engineer.at(clock.instant()));
            var pr = forge.openAs(engineer, new NewPullRequest(branch, base, "Start rollout " + rollout.name(),
                    "Upgrades the clusters the rollout selects to " + rollout.targetVersion() + ", " + rollout.strategy()
                            + ", under `" + DemoPolicy.PATH + "`: policy " + policy.name() + " with soak times divided by "
                            + demo.speedText() + ", no change windows, and a rollback pull request when a gate fails.",
                    List.of()));
            forge.mergeAs(engineer, pr.number());
            return new Seeded(rollout, policy, demo, pr.number());
        } catch (IOException | ForgeException e) {
            throw DemoProblem.stopped("cannot set up the demo's repository in " + forge.origin().directory() + ": " + e.getMessage(), e);
        }
    }
}
