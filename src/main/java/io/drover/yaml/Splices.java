package io.drover.yaml;

import java.util.Arrays;

/**
 * Where the positions of a parse point in a text that scalars were replaced in since: each splice
 * is recorded at the end of the replaced scalar, in the coordinates of the parse, with how many
 * characters it added (or removed, below 0). A position at or after a splice's end moves by it;
 * one before stays. Immutable.
 */
final class Splices {

    static final Splices NONE = new Splices(new int[0], new int[0]);

    /** Ends of the replaced scalars in the parse's coordinates, ascending. */
    private final int[] ends;
    /** Characters added by the splices up to and including each end. */
    private final int[] shifts;

    private Splices(int[] ends, int[] shifts) {
        this.ends = ends;
        this.shifts = shifts;
    }

    int count() {
        return ends.length;
    }

    /** The offset in the current text of a position of the parse. */
    int translate(int position) {
        int low = 0;
        int high = ends.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ends[middle] <= position) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low == 0 ? position : position + shifts[low - 1];
    }

    /** These splices and one more, at {@code end} in the parse's coordinates. */
    Splices with(int end, int shift) {
        int at = 0;
        while (at < ends.length && ends[at] <= end) {
            at++;
        }
        int[] newEnds = new int[ends.length + 1];
        int[] deltas = new int[ends.length + 1];
        for (int i = 0, j = 0; i < newEnds.length; i++) {
            if (i == at) {
                newEnds[i] = end;
                deltas[i] = shift;
            } else {
                newEnds[i] = ends[j];
                deltas[i] = shifts[j] - (j == 0 ? 0 : shifts[j - 1]);
                j++;
            }
        }
        int[] newShifts = new int[newEnds.length];
        int sum = 0;
        for (int i = 0; i < newEnds.length; i++) {
            sum += deltas[i];
            newShifts[i] = sum;
        }
        return new Splices(newEnds, newShifts);
    }

    @Override
    public String toString() {
        return Arrays.toString(ends) + " " + Arrays.toString(shifts);
    }
}
