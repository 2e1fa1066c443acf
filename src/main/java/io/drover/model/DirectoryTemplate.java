package io.drover.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the parameters of Argo CD's git directory generator in an ApplicationSet template, in
 * both the fasttemplate ({@code {{path.basename}}}) and the Go template ({@code {{.path.basename}}})
 * syntax.
 */
final class DirectoryTemplate {

    private static final Pattern PARAMETER = Pattern.compile("\\{\\{\\s*(?:"
            + "\\.?path(?:\\.(path|basename|basenameNormalized))?"
            + "|path\\[(\\d+)]"
            + "|index\\s+\\.path\\.segments\\s+(\\d+)"
            + ")\\s*}}");
    private static final Pattern NOT_IN_DNS_NAME = Pattern.compile("[^-a-z0-9.]");

    private DirectoryTemplate() {
    }

    static String render(String template, String directory) {
        String[] segments = directory.split("/");
        String basename = segments[segments.length - 1];
        Matcher m = PARAMETER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value;
            if (m.group(2) != null || m.group(3) != null) {
                int index = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
                value = index < segments.length ? segments[index] : "";
            } else if ("basename".equals(m.group(1))) {
                value = basename;
            } else if ("basenameNormalized".equals(m.group(1))) {
                value = normalized(basename);
            } else {
                value = directory;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** As Argo CD's SanitizeName: lower case, characters a DNS name cannot hold become dashes. */
    private static String normalized(String name) {
        return NOT_IN_DNS_NAME.matcher(name.toLowerCase(java.util.Locale.ROOT)).replaceAll("-").replaceAll("^[-.]+|[-.]+$", "");
    }
}
