package io.drover.model;

import java.util.regex.Pattern;

/**
 * One entry of a git directory generator ({@code directories: - path: clusters/*}): a glob over
 * repo directories as Argo CD matches it, where {@code *} and {@code ?} stay within one path segment.
 * An {@code exclude: true} entry removes the directories it matches.
 */
public record DirectoryPattern(String path, boolean exclude) {

    public boolean matches(String directory) {
        return glob().matcher(directory).matches();
    }

    private Pattern glob() {
        StringBuilder regex = new StringBuilder();
        for (char c : path.toCharArray()) {
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
