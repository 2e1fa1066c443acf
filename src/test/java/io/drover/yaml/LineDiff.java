package io.drover.yaml;

import java.util.LinkedList;
import java.util.List;

/** The changed lines between two texts, as a unified diff lists them without context: "-old", "+new". */
final class LineDiff {

    private LineDiff() {
    }

    static List<String> changes(String before, String after) {
        // -1 keeps the empty string after a final newline, so losing or gaining one shows as a change
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                common[i][j] = a[i - 1].equals(b[j - 1])
                        ? common[i - 1][j - 1] + 1
                        : Math.max(common[i - 1][j], common[i][j - 1]);
            }
        }
        // Walking back from the end matches repeated lines (items of one sequence look alike) to their
        // last occurrence, so a removed item shows as one block, as a reviewer reads it.
        LinkedList<String> changes = new LinkedList<>();
        int i = a.length;
        int j = b.length;
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0 && a[i - 1].equals(b[j - 1])) {
                i--;
                j--;
            } else if (i == 0 || (j > 0 && common[i][j - 1] >= common[i - 1][j])) {
                changes.addFirst("+" + b[--j]);
            } else {
                changes.addFirst("-" + a[--i]);
            }
        }
        return changes;
    }
}
