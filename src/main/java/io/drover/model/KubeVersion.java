package io.drover.model;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Kubernetes version such as {@code v1.31.4}; the patch defaults to 0 when omitted. */
public record KubeVersion(int major, int minor, int patch) implements Comparable<KubeVersion> {

    private static final Pattern FORMAT = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?");
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
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return Optional.of(new KubeVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch));
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
