package io.drover.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the parameters of Argo CD's clusters generator in an ApplicationSet template, in both
 * the fasttemplate ({@code {{name}}}) and the Go template ({@code {{.name}}}) syntax.
 */
final class ApplicationTemplate {

    private static final Pattern PARAMETER = Pattern.compile(
            "\\{\\{\\s*(?:\\.?(name|server|nameNormalized)|\\.?metadata\\.labels\\.([\\w./-]+)"
                    + "|index\\s+\\.metadata\\.labels\\s+\"([^\"]+)\")\\s*}}");

    private ApplicationTemplate() {
    }

    static String render(String template, Cluster cluster) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value;
            if (m.group(1) != null) {
                value = m.group(1).equals("server") ? cluster.secret().server() : cluster.name();
            } else {
                String key = m.group(2) != null ? m.group(2) : m.group(3);
                value = cluster.secret().labels().getOrDefault(key, "");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
