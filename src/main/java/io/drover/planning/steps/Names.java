package io.drover.planning.steps;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers for cluster names inside text and for step ids. */
final class Names {

    private Names() {
    }

    /**
     * Replaces a cluster name where it stands as a whole name (in {@code ingress.prod-euw-01.example}
     * or {@code CLUSTER=prod-euw-01}, not inside {@code prod-euw-010}).
     */
    static String replace(String text, String from, String to) {
        Pattern name = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(from) + "(?![A-Za-z0-9])");
        return name.matcher(text).replaceAll(Matcher.quoteReplacement(to));
    }

    /** A short, stable rendering of a cluster list for ids: the names, or the first and a digest. */
    static String forId(List<String> clusters) {
        if (clusters.size() <= 3) {
            return String.join("+", clusters);
        }
        String digest = Integer.toHexString(String.join(",", clusters).hashCode() & 0xfffffff);
        return clusters.get(0) + "-and-" + (clusters.size() - 1) + "-more-" + digest;
    }

    /** "a", "a and b", "a, b and c". */
    static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
