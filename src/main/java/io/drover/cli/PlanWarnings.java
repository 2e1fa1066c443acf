package io.drover.cli;

import io.drover.model.Problem;
import java.io.PrintWriter;
import java.util.List;

/** What the plan does not stop for but the user should hear of, as a section of the text after the header. */
final class PlanWarnings {

    private PlanWarnings() {
    }

    static void print(List<Problem> warnings, PrintWriter out) {
        if (warnings.isEmpty()) {
            return;
        }
        out.println();
        out.println("Warnings:");
        warnings.forEach(w -> out.println("  " + w.toString().replace("\n", "\n  ")));
    }
}
