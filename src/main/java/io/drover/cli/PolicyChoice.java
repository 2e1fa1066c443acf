package io.drover.cli;

import io.drover.model.FleetFiles;
import io.drover.model.Rollout;
import io.drover.policy.InvalidPolicyException;
import io.drover.policy.Policy;
import io.drover.policy.PolicyCatalog;
import io.drover.policy.PolicyReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The policy a plan runs under: the one the rollout names, or the {@code --policy} given, which is a
 * policy file or, as a rollout would name it, a policy of the fleet repo or of Drover.
 */
final class PolicyChoice {

    private PolicyChoice() {
    }

    /** @param option the {@code --policy} given, or null */
    static Policy of(String option, FleetFiles fleet, Rollout rollout) throws UsageProblem, InvalidPolicyException {
        if (option == null) {
            return PolicyCatalog.resolve(fleet, rollout);
        }
        Path file = path(option);
        if (Files.isRegularFile(file)) {
            try {
                return PolicyReader.read(option, Files.readString(file));
            } catch (IOException e) {
                throw new UsageProblem("--policy " + option + " cannot be read (" + e + "); give a readable UTF-8 policy file");
            }
        }
        String names = String.join(", ", PolicyCatalog.names(fleet));
        if (Files.isDirectory(file)) {
            throw new UsageProblem("--policy " + option + " is a directory; give a policy file in it (" + yamlFilesIn(file)
                    + ") or a policy name (" + names + ")");
        }
        if (isName(option)) {
            if (PolicyCatalog.names(fleet).contains(option)) {
                return PolicyCatalog.find(fleet, option).orElseThrow();
            }
            throw new UsageProblem("--policy " + option + ": no policy of that name in the fleet repo's policies/ or among"
                    + " Drover's (" + names + "); give one of those names or the path of a policy file");
        }
        throw new UsageProblem("--policy " + option + ": no such file; give the path of a policy file, or a policy name ("
                + names + ")");
    }

    /** A name like {@code conservative}, as a rollout's {@code policy:} gives it, rather than a file's path. */
    private static boolean isName(String option) {
        return !option.contains("/") && !option.contains("\\") && !option.endsWith(".yaml") && !option.endsWith(".yml");
    }

    private static Path path(String option) throws UsageProblem {
        try {
            return Path.of(option);
        } catch (InvalidPathException e) {
            throw new UsageProblem("--policy " + option + " is not a valid path: " + e.getReason());
        }
    }

    private static String yamlFilesIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            String list = String.join(", ", files.filter(f -> f.toString().endsWith(".yaml")).sorted().limit(5)
                    .map(Path::toString).toList());
            return list.isEmpty() ? "it has no .yaml file" : "such as " + list;
        } catch (IOException e) {
            return "it cannot be listed";
        }
    }
}
