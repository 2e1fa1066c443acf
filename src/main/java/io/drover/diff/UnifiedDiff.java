package io.drover.diff;

import io.drover.model.FileChange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawTextComparator;

/** Renders file changes as a unified diff in Git's format, which {@code git apply} accepts. */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;
    private static final DiffAlgorithm HISTOGRAM = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM);

    private UnifiedDiff() {
    }

    public static String of(List<FileChange> changes) {
        StringBuilder out = new StringBuilder();
        changes.forEach(c -> out.append(of(c)));
        return out.toString();
    }

    public static String of(FileChange change) {
        String path = change.path();
        StringBuilder header = new StringBuilder("diff --git a/" + path + " b/" + path + "\n");
        if (change.before().isEmpty()) {
            header.append("new file mode 100644\n--- /dev/null\n");
        } else {
            header.append("--- a/").append(path).append('\n');
        }
        if (change.after().isEmpty()) {
            header.insert(header.indexOf("\n") + 1, "deleted file mode 100644\n");
            header.append("+++ /dev/null\n");
        } else {
            header.append("+++ b/").append(path).append('\n');
        }
        ChangedRegion region = ChangedRegion.of(change.before().orElse(""), change.after().orElse(""), CONTEXT);
        EditList edits = edits(region);
        if (!region.holds(edits, CONTEXT)) {
            region = ChangedRegion.whole(change.before().orElse(""), change.after().orElse(""));
            edits = edits(region);
        }
        ByteArrayOutputStream hunks = new ByteArrayOutputStream();
        try (DiffFormatter formatter = new DiffFormatter(hunks)) {
            formatter.setContext(CONTEXT);
            formatter.format(edits, region.before(), region.after());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return header + region.shiftHunkHeaders(hunks.toString(StandardCharsets.UTF_8));
    }

    /** How many lines a change adds and removes, as {@code git diff --stat} counts them. */
    public record LineCounts(int added, int removed) {
    }

    public static LineCounts counts(FileChange change) {
        int added = 0;
        int removed = 0;
        // Where JGit places an edit does not change its length: the region with no context will do.
        for (Edit edit : edits(ChangedRegion.of(change.before().orElse(""), change.after().orElse(""), 0))) {
            added += edit.getLengthB();
            removed += edit.getLengthA();
        }
        return new LineCounts(added, removed);
    }


    private static EditList edits(ChangedRegion region) {
        return HISTOGRAM.diff(RawTextComparator.DEFAULT, region.before(), region.after());
    }
}
