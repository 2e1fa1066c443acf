package io.drover.cli;

import picocli.CommandLine.Command;

@Command(name = "drover", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Upgrades Kubernetes cluster fleets through Git: every step of an upgrade is a pull request.",
        subcommands = {DemoCommand.class, PlanCommand.class, ServeCommand.class, AuditCommand.class},
        footer = {"", "Exit codes:", "  0  done", "  1  invalid input (fleet repo, policy), or a repository that cannot be read", "  2  bad usage",
                "  3  plan refused", "  4  a kustomize build failed", "  5  the demo did not complete", "  70 internal error (DROVER_DEBUG=1 shows the stack trace)"})
final class DroverCommand {
}
