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
        this.text = text;
        this.lineStarts = lineStarts(text);
        this.charOffsets = charOffsets(text);
        this.splices = splices;
    }

    /** The text after scalars were replaced in it, for the nodes parsed from this one; only for a text of single chars. */
    SourceText spliced(String newText, Splices more) {
        if (charOffsets != null) {
            throw new IllegalStateException("marks count code points; a spliced text must be of single chars");
        }
        return new SourceText(newText, more);
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
