package io.drover.yaml;

import java.util.Arrays;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * Line and offset arithmetic over a file's text, 0-based. snakeyaml's marks count code points
 * while Java strings count chars, so every mark goes through {@link #offset(Mark)}.
 */
final class SourceText {

    private final String text;
    private final int[] lineStarts;
    /** Char offset by code point index; null when every code point is a single char. */
    private final int[] charOffsets;

    /** How the marks of the parse that made the nodes map to this text; none for a text parsed as it is. */
    private final Splices splices;

    SourceText(String text) {
        this(text, Splices.none(text.length()));
    }

    private SourceText(String text, Splices splices) {
        this(text, lineStarts(text), splices);
    }

    private SourceText(String text, int[] lineStarts, Splices splices) {
        this.text = text;
        this.lineStarts = lineStarts;
        this.charOffsets = charOffsets(text);
        this.splices = splices;
    }

    /**
     * The text after a splice, for the nodes parsed from this one; only for a text of single chars.
     * The texts differ only from {@code from} to {@code oldTo} here, {@code newTo} in the new text:
     * the new line table is this one's with the lines of that window found again and those after it
     * moved, not a scan of the whole new text, which is as long as the fleet is large.
     */
    SourceText spliced(String newText, Splices more, int from, int oldTo, int newTo) {
        if (charOffsets != null) {
            throw new IllegalStateException("marks count code points; a spliced text must be of single chars");
        }
        // Lines starting at or before the window stay; those starting after its old end move by its growth.
        int kept = upperBound(lineStarts, from);
        int after = upperBound(lineStarts, oldTo);
        int inWindow = 0;
        for (int i = newText.indexOf('\n', from); i >= 0 && i < newTo; i = newText.indexOf('\n', i + 1)) {
            inWindow++;
        }
        int[] starts = new int[kept + inWindow + lineStarts.length - after];
        System.arraycopy(lineStarts, 0, starts, 0, kept);
        int at = kept;
        for (int i = newText.indexOf('\n', from); i >= 0 && i < newTo; i = newText.indexOf('\n', i + 1)) {
            starts[at++] = i + 1;
        }
        int shift = newTo - oldTo;
        for (int line = after; line < lineStarts.length; line++) {
            starts[at++] = lineStarts[line] + shift;
        }
        return new SourceText(newText, starts, more);
    }

    /** How many of the ascending values are at or below {@code value}. */
    private static int upperBound(int[] ascending, int value) {
        int found = Arrays.binarySearch(ascending, value);
        if (found < 0) {
            return -found - 1;
        }
        // Line starts are distinct: the one found is the last at or below the value.
        return found + 1;
    }

    Splices splices() {
        return splices;
    }

    /** Whether every code point is one char, so that a mark's index is an offset. */
    boolean singleChars() {
        return charOffsets == null;
    }

    private static int[] lineStarts(String text) {
        int lines = 1 + (int) text.chars().filter(c -> c == '\n').count();
        int[] starts = new int[lines];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }

    private static int[] charOffsets(String text) {
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints == text.length()) {
            return null;
        }
        int[] offsets = new int[codePoints + 1];
        int index = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            offsets[index++] = i;
        }
        offsets[codePoints] = text.length();
        return offsets;
    }

    String text() {
        return text;
    }

    int offset(Mark mark) {
        return splices.count() == 0 ? offsetOfCodePoint(mark.getIndex()) : splices.translate(mark.getIndex());
    }

    int offsetOfCodePoint(int index) {
        return charOffsets == null ? index : charOffsets[index];
    }

    int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found : -found - 2;
    }

    int column(int offset) {
        return offset - lineStart(lineOf(offset));
    }

    int lineCount() {
        return lineStarts.length;
    }

    int lineStart(int line) {
        return lineStarts[line];
    }

    /** Offset of the line's terminating '\n', or the text's length for a last line without one. */
    int lineEnd(int line) {
        return hasNewline(line) ? lineStarts[line + 1] - 1 : text.length();
    }

    int nextLineStart(int line) {
        return hasNewline(line) ? lineStarts[line + 1] : text.length();
    }

    boolean hasNewline(int line) {
        return line + 1 < lineStarts.length;
    }

    String line(int line) {
        return text.substring(lineStart(line), lineEnd(line));
    }

    int indentation(int line) {
        String content = line(line);
        int spaces = 0;
        while (spaces < content.length() && content.charAt(spaces) == ' ') {
            spaces++;
        }
        return spaces;
    }

    boolean isCommentLine(int line) {
        return line(line).strip().startsWith("#");
    }
}
