package io.drover.diff;

import io.drover.model.FileChange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/** Renders file changes as a unified diff in Git's format, which {@code git apply} accepts. */
public final class UnifiedDiff {

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
        RawText before = text(change.before());
        RawText after = text(change.after());
        EditList edits = HISTOGRAM.diff(RawTextComparator.DEFAULT, before, after);
        ByteArrayOutputStream hunks = new ByteArrayOutputStream();
        try (DiffFormatter formatter = new DiffFormatter(hunks)) {
            formatter.setContext(3);
            formatter.format(edits, before, after);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return header + hunks.toString(StandardCharsets.UTF_8);
    }

    /** How many lines a change adds and removes, as {@code git diff --stat} counts them. */
    public record LineCounts(int added, int removed) {
    }

    public static LineCounts counts(FileChange change) {
        int added = 0;
        int removed = 0;
        for (Edit edit : HISTOGRAM.diff(RawTextComparator.DEFAULT, text(change.before()), text(change.after()))) {
            added += edit.getLengthB();
            removed += edit.getLengthA();
        }
        return new LineCounts(added, removed);
    }

    private static RawText text(Optional<String> content) {
        return new RawText(content.orElse("").getBytes(StandardCharsets.UTF_8));
    }
}
