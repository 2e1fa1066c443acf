package io.drover.cli;

import io.drover.model.Problem;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the plan does not stop for but the user should hear of: a section of the text, an array of the JSON. */
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

    static List<Map<String, Object>> json(List<Problem> warnings) {
        return warnings.stream().map(w -> {
            Map<String, Object> warning = new LinkedHashMap<>();
            warning.put("path", w.path());
            warning.put("line", w.line());
            warning.put("message", w.message());
            warning.put("fix", w.fix());
            return warning;
        }).toList();
    }
}
