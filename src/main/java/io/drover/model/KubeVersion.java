package io.drover.model;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes release such as {@code v1.31.4} (the leading {@code v} is optional). A version
 * without its patch, {@code v1.31}, names no release and is not one.
 */
public record KubeVersion(int major, int minor, int patch) implements Comparable<KubeVersion> {

    private static final Pattern FORMAT = Pattern.compile("v?(\\d{1,4})\\.(\\d{1,4})\\.(\\d{1,4})");
    private static final Pattern MINOR_ONLY = Pattern.compile("v?(\\d{1,4})\\.(\\d{1,4})");
    private static final Comparator<KubeVersion> ORDER = Comparator.comparingInt(KubeVersion::major)
            .thenComparingInt(KubeVersion::minor)
            .thenComparingInt(KubeVersion::patch);

    public static Optional<KubeVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new KubeVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))));
    }

    /**
     * The fix for text that is not a version; {@code example} is a whole version whose patch number
     * also completes a minor version written alone ({@code 1.31} with {@code v1.30.6}: {@code v1.31.6}).
     */
    public static String howToWrite(String text, KubeVersion example) {
        Matcher m = MINOR_ONLY.matcher(text == null ? "" : text.trim());
        if (m.matches()) {
            return "write the whole release with its patch number, e.g. v" + m.group(1) + "." + m.group(2) + "."
                    + example.patch() + " rather than " + text.trim() + " (a minor version names no release)";
        }
        return "write it as v<major>.<minor>.<patch>, e.g. " + example;
    }

    /** How many minor releases lie between this version and a later one (0 for a patch bump). */
    public int minorsUntil(KubeVersion later) {
        if (later.major != major) {
            return Integer.MAX_VALUE;
        }
        return later.minor - minor;
    }

    public boolean isBefore(KubeVersion other) {
        return compareTo(other) < 0;
    }

    public String minorName() {
        return major + "." + minor;
    }

    @Override
    public int compareTo(KubeVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return "v" + major + "." + minor + "." + patch;
    }
}
