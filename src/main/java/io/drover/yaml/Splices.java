package io.drover.yaml;

import java.util.Arrays;

/**
 * Where the positions held by a spliced parse's nodes point in the current text. A position is an
 * index in a space of the splices' own: the parse the file started from holds 0 up to its length,
 * and the nodes of each record added since hold a range after every range before (so that a record
 * added in the middle of the text need not move the numbers of the nodes around it). The space is
 * cut into segments, each moved by its own number of characters: a text edit moves the segments at
 * or after it, cutting the one it falls in. Immutable.
 */
final class Splices {

    /** A parse as it is, of a text of {@code length} chars. */
    static Splices none(int length) {
        return new Splices(new int[] {0}, new int[] {0}, length);
    }

    /** Where each segment starts in the positions' space, ascending; the first is 0. */
    private final int[] starts;
    /** What each segment adds to a position to make it an offset of the current text. */
    private final int[] moves;
    /** Highest position in use: a record added next gets the positions after it. */
    private final int last;

    private Splices(int[] starts, int[] moves, int last) {
        this.starts = starts;
        this.moves = moves;
        this.last = last;
    }

    /** Cuts in the positions' space so far: a file is parsed afresh after a bounded number of them. */
    int count() {
        return starts.length - 1;
    }

    /** The offset in the current text of a position. */
    int translate(int position) {
        return position + moves[segment(position)];
    }

    /** These splices with every position whose offset is at or after {@code offset} moved by {@code shift}. */
    Splices moved(int offset, int shift, int lastPosition) {
        int[] newStarts = new int[starts.length + 1];
        int[] newMoves = new int[starts.length + 1];
        int size = 0;
        for (int i = 0; i < starts.length; i++) {
            int start = starts[i];
            int end = i + 1 < starts.length ? starts[i + 1] : Math.max(last, lastPosition) + 1;
            int move = moves[i];
            if (start + move >= offset) {
                newStarts[size] = start;
                newMoves[size++] = move + shift;
            } else if (end + move > offset) {
                // The edit falls inside this segment: the part before it stays, the rest moves.
                newStarts[size] = start;
                newMoves[size++] = move;
                newStarts = Arrays.copyOf(newStarts, newStarts.length + 1);
                newMoves = Arrays.copyOf(newMoves, newMoves.length + 1);
                newStarts[size] = offset - move;
                newMoves[size++] = move + shift;
            } else {
                newStarts[size] = start;
                newMoves[size++] = move;
            }
        }
        return new Splices(Arrays.copyOf(newStarts, size), Arrays.copyOf(newMoves, size), Math.max(last, lastPosition));
    }

    /** These splices when a scalar of the parse that ends at {@code end} gained {@code shift} characters. */
    Splices with(int end, int shift) {
        return moved(translate(end), shift, last);
    }

    /** The first position of a new range for {@code length + 1} positions. */
    int nextRange() {
        return last + 1;
    }

    /**
     * These splices with {@code length} characters inserted at {@code offset}, their positions the
     * range from {@link #nextRange()}: everything at or after the offset moves past them.
     */
    Splices inserted(int offset, int length) {
        Splices moved = moved(offset, length, last);
        int first = nextRange();
        int[] newStarts = Arrays.copyOf(moved.starts, moved.starts.length + 1);
        int[] newMoves = Arrays.copyOf(moved.moves, moved.moves.length + 1);
        newStarts[newStarts.length - 1] = first;
        newMoves[newMoves.length - 1] = offset - first;
        return new Splices(newStarts, newMoves, first + length);
    }

    /** These splices with the characters from {@code offset} to {@code offset + length} removed; no node may point into them. */
    Splices removed(int offset, int length) {
        return moved(offset + length, -length, last);
    }

    private int segment(int position) {
        int found = Arrays.binarySearch(starts, position);
        return found >= 0 ? found : -found - 2;
    }

    @Override
    public String toString() {
        return Arrays.toString(starts) + " " + Arrays.toString(moves);
    }
}
