package io.drover.diff;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;

/**
 * The lines of two texts from a little before their first difference to a little after their
 * last, and how many lines come before. A step changes a few lines of a traffic file that holds a
 * record per cluster: diffing the whole file split every line of it into JGit's line table, a
 * cost per step that grew with the fleet. The shared head and tail are found as bytes, which the
 * JDK compares many at a time. The diff of the region, with its hunk headers shifted, is the diff
 * of the whole texts: JGit strips the lines both texts share at the start and the end before it
 * diffs, and the region keeps {@code context} of those lines on each side for the hunks. One
 * thing can reach past them: JGit moves an added or removed block down over lines that repeat it,
 * which {@link #holds} checks.
 */
record ChangedRegion(RawText before, RawText after, int linesBefore, boolean toTheEnd) {

    private static final Pattern HUNK_HEADER = Pattern.compile("(?m)^@@ -(\\d+)(,\\d+)? \\+(\\d+)(,\\d+)? @@");
    /** Tails are compared a block at a time from the end, then byte by byte within the block that differs. */
    private static final int BLOCK = 4096;

    static ChangedRegion of(String before, String after, int context) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] b = after.getBytes(StandardCharsets.UTF_8);
        int mismatch = Arrays.mismatch(a, b);
        if (mismatch < 0) {
            return new ChangedRegion(new RawText(new byte[0]), new RawText(new byte[0]), 0, true);
        }
        // The lines before the one holding the first difference are whole and alike in both texts.
        int head = lineStart(a, mismatch);
        int headLines = countLines(a, head);
        int start = head;
        for (int back = 0; back < context && start > 0; back++) {
            start = lineStart(a, start - 1);
        }
        // The bytes both end with, not reaching into the head, cut where a line starts in both.
        int tail = sharedTail(a, b, Math.min(a.length, b.length) - head);
        if (!(startsLine(a, a.length - tail) && startsLine(b, b.length - tail))) {
            tail = a.length - lineEnd(a, a.length - tail);
        }
        int endA = a.length - tail;
        for (int more = 0; more < context && endA < a.length; more++) {
            endA = lineEnd(a, endA);
        }
        int endB = b.length - (a.length - endA);
        return new ChangedRegion(new RawText(Arrays.copyOfRange(a, start, endA)), new RawText(Arrays.copyOfRange(b, start, endB)),
                headLines - Math.min(context, headLines), endA == a.length);
    }

    /** The whole texts as the region. */
    static ChangedRegion whole(String before, String after) {
        return new ChangedRegion(new RawText(before.getBytes(StandardCharsets.UTF_8)),
                new RawText(after.getBytes(StandardCharsets.UTF_8)), 0, true);
    }

    /**
     * Whether the region's edits are those of the whole texts, with {@code context} lines after the
     * last: not when JGit moved the last edit down to within {@code context} lines of the region's
     * end, where the whole texts may have let it move further or show more lines after it.
     */
    boolean holds(EditList edits, int context) {
        if (toTheEnd || edits.isEmpty()) {
            return true;
        }
        Edit last = edits.get(edits.size() - 1);
        return last.getEndA() + context <= before.size() && last.getEndB() + context <= after.size();
    }

    /** The hunk headers of a diff of the region, numbered as lines of the whole texts. */
    String shiftHunkHeaders(String hunks) {
        if (linesBefore == 0) {
            return hunks;
        }
        Matcher header = HUNK_HEADER.matcher(hunks);
        StringBuilder shifted = new StringBuilder(hunks.length() + 32);
        while (header.find()) {
            header.appendReplacement(shifted, Matcher.quoteReplacement("@@ -" + (Integer.parseInt(header.group(1)) + linesBefore)
                    + (header.group(2) == null ? "" : header.group(2)) + " +" + (Integer.parseInt(header.group(3)) + linesBefore)
                    + (header.group(4) == null ? "" : header.group(4)) + " @@"));
        }
        header.appendTail(shifted);
        return shifted.toString();
    }

    /** The offset where the line holding {@code offset} starts. */
    private static int lineStart(byte[] text, int offset) {
        int at = Math.min(offset, text.length);
        while (at > 0 && text[at - 1] != '\n') {
            at--;
        }
        return at;
    }

    /** The offset just after the newline at or after {@code offset}, or the text's end. */
    private static int lineEnd(byte[] text, int offset) {
        int at = offset;
        while (at < text.length && text[at] != '\n') {
            at++;
        }
        return Math.min(at + 1, text.length);
    }

    private static boolean startsLine(byte[] text, int offset) {
        return offset == 0 || text[offset - 1] == '\n';
    }

    private static int countLines(byte[] text, int end) {
        int lines = 0;
        for (int i = 0; i < end; i++) {
            if (text[i] == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** The length of the bytes both texts end with, at most {@code limit}. */
    private static int sharedTail(byte[] a, byte[] b, int limit) {
        int tail = 0;
        while (tail + BLOCK <= limit && Arrays.equals(a, a.length - tail - BLOCK, a.length - tail,
                b, b.length - tail - BLOCK, b.length - tail)) {
            tail += BLOCK;
        }
        while (tail < limit && a[a.length - tail - 1] == b[b.length - tail - 1]) {
            tail++;
        }
        return tail;
    }
}
