package io.drover.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last large files parsed, by path and whole content (never by path alone). Planning a step
 * parses the file it edits, checks that the edited text still parses, and reads the new state
 * back; the file a step edits is mostly the one DNSEndpoint holding every cluster's record, so
 * without this each step would parse that file three times, a cost that grows with the fleet.
 * A {@link YamlFile} is immutable, so one parse serves every caller. Small files are not kept:
 * they parse quickly, and a fleet read keeps its own memo of them.
 *
 * <p>A handful of files, looked through in order of use: a hash of the key would hash the whole
 * text of every new state of the traffic file, which is as long as the fleet is large. A lookup
 * compares the text only where path and length match, mostly with the very string that was kept.
 */
final class RecentParses {

    /** Files shorter than this are parsed each time. */
    static final int MIN_CHARS = 16 * 1024;
    private static final int MAX_FILES = 8;
    /** Bounds what is held however large the files: a parsed file takes many times its text. */
    private static final long MAX_CHARS = 4L * 1024 * 1024;

    /** Most recently used first. */
    private final List<YamlFile> recent = new ArrayList<>();
    private long chars;

    synchronized Optional<YamlFile> get(String path, String text) {
        for (int i = 0; i < recent.size(); i++) {
            YamlFile file = recent.get(i);
            if (isOf(file, path, text)) {
                recent.add(0, recent.remove(i));
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    synchronized void put(YamlFile file) {
        recent.removeIf(kept -> {
            boolean same = isOf(kept, file.path(), file.text());
            chars -= same ? kept.text().length() : 0;
            return same;
        });
        recent.add(0, file);
        chars += file.text().length();
        while (recent.size() > 1 && (recent.size() > MAX_FILES || chars > MAX_CHARS)) {
            chars -= recent.remove(recent.size() - 1).text().length();
        }
    }

    /** For tests that compare with what parses from scratch give. */
    synchronized void clear() {
        recent.clear();
        chars = 0;
    }

    private static boolean isOf(YamlFile file, String path, String text) {
        String kept = file.text();
        return kept.length() == text.length() && file.path().equals(path) && (kept == text || kept.equals(text));
    }
}
