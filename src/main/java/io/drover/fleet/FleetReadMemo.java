package io.drover.fleet;

import io.drover.model.Problem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What reading each file of a fleet state gave, kept for reading the next state: a plan reads one
 * state per step, and a step changes a handful of files of thousands. Each entry is keyed by the
 * file's path and its whole content (never by path alone: a file at the same path with other
 * content is read afresh), and holds the value read with the problems and warnings the read
 * reported, which are reported again when the entry is reused, so a read with the memo reports
 * exactly what a read without it reports.
 *
 * <p>Only the entries the latest read used are kept: reading state after state holds at most two
 * states' worth, however many states are read. Not thread-safe: one memo per sequence of reads.
 */
public final class FleetReadMemo {

    private Map<Key, Entry> previous = new HashMap<>();
    private Map<Key, Entry> current = new HashMap<>();

    /** The start of a new state's read: entries the last read did not use are dropped from here on. */
    void nextRead() {
        previous = current;
        current = new HashMap<>(Math.max(16, previous.size() * 2));
    }

    /**
     * The value {@code read} gives for this file's content, read once per content: {@code read}
     * reports into the {@link Problems} it is given, and those are reported into {@code problems}
     * on every use.
     */
    @SuppressWarnings("unchecked")
    <T> T remember(String what, String path, String text, Problems problems, Function<Problems, T> read) {
        Key key = new Key(what, path, text);
        Entry entry = current.get(key);
        if (entry == null) {
            entry = previous.get(key);
            if (entry == null) {
                Problems own = new Problems();
                entry = new Entry(read.apply(own), own.inOrder(), own.warningsInOrder());
            }
            current.put(key, entry);
        }
        entry.problems().forEach(problems::add);
        entry.warnings().forEach(problems::warn);
        return (T) entry.value();
    }

    /** String equality compares the same instance first, so an unchanged file costs a hash lookup. */
    private record Key(String what, String path, String text) {
    }

    private record Entry(Object value, List<Problem> problems, List<Problem> warnings) {
    }
}
