package io.drover.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.FileChange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.junit.jupiter.api.Test;

/**
 * The diff of the changed region is the diff JGit makes of the whole texts: same hunks, same line
 * numbers, same "no newline" markers, same line counts. Checked on random texts built from few
 * distinct lines (so that blocks repeat and JGit slides edits over them), edited at the start, in
 * the middle and at the end, with and without a final newline.
 */
class UnifiedDiffTest {

    private static final DiffAlgorithm HISTOGRAM = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM);
    private static final List<String> LINES = List.of("- name: weight", "  value: \"100\"", "", "x", "x", "records:",
            "  - dnsName: shop", "é ü");

    @Test
    void theRegionsDiffIsTheWholeTextsDiff() {
        Random random = new Random(42);
        int regionsUsed = 0;
        int wholeTextsNeeded = 0;
        for (int round = 0; round < 20_000; round++) {
            String before = randomText(random, random.nextInt(round % 10 == 0 ? 200 : 30));
            String after = edited(random, before);
            FileChange change = FileChange.modify("traffic/shop.yaml", before, after);
            String expected = header(change) + wholeDiff(before, after);
            assertThat(UnifiedDiff.of(change)).as("round %d:\n--- before\n%s\n--- after\n%s", round, before, after)
                    .isEqualTo(expected);
            assertThat(UnifiedDiff.counts(change)).as("counts, round %d", round).isEqualTo(wholeCounts(before, after));
            ChangedRegion region = ChangedRegion.of(before, after, 3);
            if (region.linesBefore() > 0 && !region.toTheEnd()) {
                regionsUsed++;
            }
            if (!region.holds(HISTOGRAM.diff(RawTextComparator.DEFAULT, region.before(), region.after()), 3)) {
                wholeTextsNeeded++;
            }
        }
        assertThat(regionsUsed).as("rounds where the region left out lines at both ends").isGreaterThan(1_000);
        assertThat(wholeTextsNeeded).as("rounds where JGit slid an edit to the region's end").isGreaterThan(10);
    }

    @Test
    void aBlockAddedBeforeLinesThatRepeatItIsPlacedAsJGitPlacesIt() {
        String before = "a\nb\n" + "x\ny\n".repeat(10) + "z\n";
        String after = "a\nb\n" + "x\ny\n".repeat(11) + "z\n";
        FileChange change = FileChange.modify("f", before, after);

        assertThat(UnifiedDiff.of(change)).isEqualTo(header(change) + wholeDiff(before, after));
        assertThat(UnifiedDiff.of(change)).contains("@@ -20,4 +20,6 @@");
    }

    @Test
    void hunkHeadersCountTheLinesLeftOut() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 1000; i++) {
            before.append("line ").append(i).append('\n');
        }
        String after = before.toString().replace("line 500\n", "line five hundred\n");
        FileChange change = FileChange.modify("f", before.toString(), after);

        assertThat(UnifiedDiff.of(change)).contains("@@ -497,7 +497,7 @@\n line 497\n line 498\n line 499\n-line 500\n"
                + "+line five hundred\n line 501\n");
    }

    private static String randomText(Random random, int lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append(LINES.get(random.nextInt(LINES.size()))).append('\n');
        }
        if (text.length() > 0 && random.nextInt(5) == 0) {
            text.setLength(text.length() - 1);
        }
        return text.toString();
    }

    /** One to three edits: lines replaced, added or removed, or the final newline added or dropped. */
    private static String edited(Random random, String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        for (int edit = 1 + random.nextInt(3); edit > 0; edit--) {
            int at = random.nextInt(lines.size() + 1);
            switch (random.nextInt(4)) {
                case 0 -> lines.add(Math.min(at, lines.size()), LINES.get(random.nextInt(LINES.size())));
                case 1 -> {
                    if (!lines.isEmpty()) {
                        lines.remove(Math.min(at, lines.size() - 1));
                    }
                }
                case 2 -> {
                    if (!lines.isEmpty()) {
                        lines.set(Math.min(at, lines.size() - 1), LINES.get(random.nextInt(LINES.size())));
                    }
                }
                default -> lines.addAll(Math.min(at, lines.size()), lines.subList(0, Math.min(lines.size(), random.nextInt(6))));
            }
        }
        String edited = String.join("\n", lines);
        return random.nextInt(8) == 0 ? edited + "\n" : edited;
    }

    private static String header(FileChange change) {
        String diff = UnifiedDiff.of(change);
        int hunks = diff.indexOf("@@");
        return hunks < 0 ? diff : diff.substring(0, hunks);
    }

    private static String wholeDiff(String before, String after) {
        RawText a = new RawText(before.getBytes(StandardCharsets.UTF_8));
        RawText b = new RawText(after.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DiffFormatter formatter = new DiffFormatter(out)) {
            formatter.setContext(3);
            formatter.format(HISTOGRAM.diff(RawTextComparator.DEFAULT, a, b), a, b);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static UnifiedDiff.LineCounts wholeCounts(String before, String after) {
        EditList edits = HISTOGRAM.diff(RawTextComparator.DEFAULT, new RawText(before.getBytes(StandardCharsets.UTF_8)),
                new RawText(after.getBytes(StandardCharsets.UTF_8)));
        int added = 0;
        int removed = 0;
        for (Edit edit : edits) {
            added += edit.getLengthB();
            removed += edit.getLengthA();
        }
        return new UnifiedDiff.LineCounts(added, removed);
    }
}
