package io.drover.gate;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether two Git URLs name the same repository, the way Argo CD compares them: case, scheme,
 * user, port, a trailing slash or {@code .git} do not matter, and {@code git@host:org/repo} is
 * {@code https://host/org/repo}.
 */
final class RepoUrls {

    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");
    private static final Pattern USER = Pattern.compile("^[^/@]*@");
    private static final Pattern SCP_LIKE_OR_PORT = Pattern.compile("^([^/:]+):(?:\\d+/)?");

    private RepoUrls() {
    }

    static boolean same(String a, String b) {
        return normalized(a).equals(normalized(b));
    }

    static String normalized(String url) {
        String s = url.trim().toLowerCase(Locale.ROOT);
        s = SCHEME.matcher(s).replaceFirst("");
        s = USER.matcher(s).replaceFirst("");
        s = SCP_LIKE_OR_PORT.matcher(s).replaceFirst("$1/");
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.endsWith(".git") ? s.substring(0, s.length() - 4) : s;
    }
}
