package io.drover.model;

import java.util.regex.Pattern;

/**
 * An RFC 1123 DNS label: what Kubernetes, Cluster API and DNS accept as a cluster name, and so what
 * every cluster name must be, read or made by Drover.
 */
public final class DnsLabel {

    public static final int MAX_LENGTH = 63;
    public static final String RULE = "a DNS label: at most 63 characters of a-z, 0-9 and '-', starting and ending"
            + " with a letter or digit";
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private DnsLabel() {
    }

    public static boolean matches(String name) {
        return LABEL.matcher(name).matches();
    }
}
