package io.drover.yaml;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last large files parsed, by path and whole content (never by path alone). Planning a step
 * parses the file it edits, checks that the edited text still parses, and reads the new state
 * back; the file a step edits is mostly the one DNSEndpoint holding every cluster's record, so
 * without this each step would parse that file three times, a cost that grows with the fleet.
 * A {@link YamlFile} is immutable, so one parse serves every caller. Small files are not kept:
 * they parse quickly, and a fleet read keeps its own memo of them.
 */
final class RecentParses {

    /** Files shorter than this are parsed each time. */
    static final int MIN_CHARS = 16 * 1024;
    private static final int MAX_FILES = 8;
    /** Bounds what is held however large the files: a parsed file takes many times its text. */
    private static final long MAX_CHARS = 4L * 1024 * 1024;

    private final LinkedHashMap<Key, YamlFile> recent = new LinkedHashMap<>(16, 0.75f, true);
    private long chars;

    synchronized Optional<YamlFile> get(String path, String text) {
        return Optional.ofNullable(recent.get(new Key(path, text)));
    }

    synchronized void put(YamlFile file) {
        if (recent.put(new Key(file.path(), file.text()), file) == null) {
            chars += file.text().length();
        }
        Iterator<Map.Entry<Key, YamlFile>> eldest = recent.entrySet().iterator();
        while (recent.size() > 1 && (recent.size() > MAX_FILES || chars > MAX_CHARS)) {
            chars -= eldest.next().getKey().text().length();
            eldest.remove();
        }
    }

    /** For tests that compare with what parses from scratch give. */
    synchronized void clear() {
        recent.clear();
        chars = 0;
    }

    private record Key(String path, String text) {
    }
}
