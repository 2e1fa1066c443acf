package io.drover.cli;

import io.drover.diff.UnifiedDiff;
import io.drover.diff.UnifiedDiff.LineCounts;
import io.drover.model.FileChange;
import java.io.PrintWriter;
import java.util.List;

/** A step's files, each with what happens to it and, optionally, its lines added and removed, as git's --stat shows them. */
final class FilesStat {

    private static final int BAR = 40;

    private FilesStat() {
    }

    static void render(List<FileChange> changes, boolean counts, PrintWriter out) {
        int width = changes.stream().mapToInt(c -> c.path().length()).max().orElse(0);
        if (!counts) {
            changes.forEach(c -> out.printf("  %-7s %s%n", c.action(), c.path()));
            return;
        }
        List<LineCounts> lines = changes.stream().map(UnifiedDiff::counts).toList();
        int most = lines.stream().mapToInt(l -> l.added() + l.removed()).max().orElse(0);
        int digits = String.valueOf(most).length();
        int added = 0;
        int removed = 0;
        for (int i = 0; i < changes.size(); i++) {
            FileChange change = changes.get(i);
            LineCounts count = lines.get(i);
            out.printf("  %-7s %-" + width + "s | %" + digits + "d %s%s%n", change.action(), change.path(),
                    count.added() + count.removed(), "+".repeat(scaled(count.added(), most)),
                    "-".repeat(scaled(count.removed(), most)));
            added += count.added();
            removed += count.removed();
        }
        out.printf("  %d file%s changed, %d insertion%s(+), %d deletion%s(-)%n", changes.size(), plural(changes.size()),
                added, plural(added), removed, plural(removed));
    }

    /** Like git, bars are scaled down only when the largest change would not fit, and never to nothing. */
    private static int scaled(int lines, int most) {
        if (most <= BAR || lines == 0) {
            return lines;
        }
        return Math.max(1, lines * BAR / most);
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
