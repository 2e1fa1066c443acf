package io.drover.reconcile;

import io.drover.gate.AppEvidence;
import java.util.List;
import java.util.Map;

/** The gate's evidence per application as rows for the comment templates' tables. */
final class Evidence {

    private Evidence() {
    }

    static List<Map<String, String>> rows(List<AppEvidence> evidence) {
        return evidence.stream().map(e -> Map.of(
                "application", e.application(),
                "cluster", e.cluster(),
                "verdict", e.verdict().name().toLowerCase(java.util.Locale.ROOT),
                "reason", cell(e.reason()),
                "sync", cell(e.syncStatus()),
                "health", cell(e.health()),
                "revision", e.revision().length() > 12 ? e.revision().substring(0, 12) : cell(e.revision()),
                "message", cell(e.message()))).toList();
    }

    /** A table cell: no line breaks or pipes from Argo CD's messages break the Markdown table. */
    private static String cell(String text) {
        String flat = text == null ? "" : text.replace('\n', ' ').replace('\r', ' ').replace("|", "\\|");
        return flat.isBlank() ? "-" : flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
