package io.drover.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.notes.Note;
import org.eclipse.jgit.notes.NoteMap;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Drover's Git notes: one line per event on the commit it is about, under {@link #REF}. The notes
 * commits are built in the object database, never in a working tree. {@link #SEEN} is where origin's
 * notes were when Drover last fetched them: what is on {@link #REF} and not there is not pushed yet.
 */
final class DroverNotes {

    static final String REF = "refs/notes/drover";
    static final String SEEN = "refs/notes/remotes/origin/drover";

    private final Repository repository;

    DroverNotes(Repository repository) {
        this.repository = repository;
    }

    /** The lines of the note on {@code commit} in {@code ref}; none when there is no note. */
    List<String> lines(String ref, ObjectId commit) throws IOException {
        Optional<ObjectId> tip = tip(ref);
        if (tip.isEmpty()) {
            return List.of();
        }
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            ObjectId blob = NoteMap.read(reader, walk.parseCommit(tip.get())).get(commit);
            return blob == null ? List.of() : split(reader, blob);
        }
    }

    /** Every note in {@code ref}: the lines of each, by the commit it is on. */
    Map<String, List<String>> all(String ref) throws IOException {
        Map<String, List<String>> notes = new LinkedHashMap<>();
        Optional<ObjectId> tip = tip(ref);
        if (tip.isEmpty()) {
            return notes;
        }
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            for (Note note : NoteMap.read(reader, walk.parseCommit(tip.get()))) {
                notes.put(note.name(), split(reader, note.getData()));
            }
        }
        return notes;
    }

    /**
     * Adds {@code line} to the note on {@code commit}, unless the note has that line already: a redo
     * after a crash leaves one line. Returns whether the notes changed.
     */
    boolean append(ObjectId commit, String line, PersonIdent who) throws IOException {
        Optional<ObjectId> tip = tip(REF);
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader);
                ObjectInserter inserter = repository.newObjectInserter()) {
            NoteMap notes = tip.isPresent() ? NoteMap.read(reader, walk.parseCommit(tip.get())) : NoteMap.newEmptyMap();
            ObjectId blob = notes.get(commit);
            List<String> lines = blob == null ? new ArrayList<>() : new ArrayList<>(split(reader, blob));
            if (lines.contains(line)) {
                return false;
            }
            lines.add(line);
            notes.set(commit, String.join("\n", lines) + "\n", inserter);
            String message = "Drover: note on " + commit.name().substring(0, 12);
            move(REF, tip, Optional.of(commit(inserter, notes, tip, message, who)), false);
            return true;
        }
    }

    /**
     * After a fetch moved {@link #SEEN} from {@code before}: puts the lines Drover added since
     * {@code before} (not yet pushed) on top of origin's notes, or, when it added none, takes
     * origin's notes as they are.
     */
    void carryOver(Optional<ObjectId> before) throws IOException {
        Optional<ObjectId> local = tip(REF);
        Optional<ObjectId> seen = tip(SEEN);
        if (local.equals(seen) || (local.isPresent() && seen.equals(before))) {
            return;
        }
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader);
                ObjectInserter inserter = repository.newObjectInserter()) {
            NoteMap origin = seen.isPresent() ? NoteMap.read(reader, walk.parseCommit(seen.get())) : NoteMap.newEmptyMap();
            boolean added = false;
            if (local.isPresent()) {
                NoteMap ours = NoteMap.read(reader, walk.parseCommit(local.get()));
                NoteMap base = before.isPresent() ? NoteMap.read(reader, walk.parseCommit(before.get())) : NoteMap.newEmptyMap();
                for (Note note : ours) {
                    List<String> theirs = lines(reader, origin, note);
                    List<String> merged = new ArrayList<>(theirs);
                    List<String> known = lines(reader, base, note);
                    split(reader, note.getData()).stream().filter(l -> !known.contains(l) && !merged.contains(l)).forEach(merged::add);
                    if (merged.size() > theirs.size()) {
                        origin.set(note, String.join("\n", merged) + "\n", inserter);
                        added = true;
                    }
                }
            }
            if (!added) {
                move(REF, local, seen, true);
                return;
            }
            PersonIdent who = walk.parseCommit(local.get()).getCommitterIdent();
            move(REF, local, Optional.of(commit(inserter, origin, seen, "Drover: notes not yet pushed, on top of origin's", who)), true);
        }
    }

    Optional<ObjectId> tip(String ref) throws IOException {
        Ref found = repository.exactRef(ref);
        return Optional.ofNullable(found).map(Ref::getObjectId);
    }

    /** Points {@code ref} at {@code to} (deleting it when empty) if it is still at {@code from}. */
    void move(String ref, Optional<ObjectId> from, Optional<ObjectId> to, boolean force) throws IOException {
        RefUpdate update = repository.updateRef(ref);
        update.setExpectedOldObjectId(from.orElse(ObjectId.zeroId()));
        RefUpdate.Result result;
        if (to.isEmpty()) {
            update.setForceUpdate(true);
            result = update.delete();
        } else {
            update.setNewObjectId(to.get());
            update.setForceUpdate(force);
            result = update.update();
        }
        if (!List.of(RefUpdate.Result.NEW, RefUpdate.Result.FAST_FORWARD, RefUpdate.Result.FORCED, RefUpdate.Result.NO_CHANGE)
                .contains(result)) {
            throw new IOException("cannot move " + ref + ": " + result);
        }
    }

    private static ObjectId commit(ObjectInserter inserter, NoteMap notes, Optional<ObjectId> parent, String message,
            PersonIdent who) throws IOException {
        return Commits.commit(inserter, notes.writeTree(inserter), parent.stream().toList(), who, who, message);
    }

    private static List<String> lines(ObjectReader reader, NoteMap notes, ObjectId commit) throws IOException {
        ObjectId blob = notes.get(commit);
        return blob == null ? List.of() : split(reader, blob);
    }

    private static List<String> split(ObjectReader reader, ObjectId blob) throws IOException {
        String text = new String(reader.open(blob).getCachedBytes(), StandardCharsets.UTF_8);
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    /** Whether a line can be a note line: one line of text. */
    static void checkLine(String line) {
        if (line.isBlank() || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a note line is one non-blank line of text, not: " + line);
        }
    }
}
