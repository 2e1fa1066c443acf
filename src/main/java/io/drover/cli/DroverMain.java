package io.drover.cli;

import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

/** The {@code drover} command line. */
@QuarkusMain
public final class DroverMain {

    private DroverMain() {
    }

    public static void main(String... args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new DroverCommand()).setUsageHelpWidth(120).setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("drover: internal error: " + e);
            if (System.getenv("DROVER_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            } else {
                cmd.getErr().println("(set DROVER_DEBUG=1 for the stack trace; please report it)");
            }
            return ExitCodes.INTERNAL;
        });
    }
}
