package io.drover.testing;

import io.drover.gate.Ancestry;
import io.drover.model.FleetFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * A fleet repo's history around one merged step, in a real Git repository: the commit before
 * the step, the step's merge (squashed onto main) and a later commit on main. Its ancestry is
 * answered by JGit, as the reconciler's clone answers it.
 */
public final class StepHistory implements AutoCloseable {

    private final GitOrigin origin;
    private final String before;
    private final String merge;
    private final String later;

    private StepHistory(GitOrigin origin, String before, String merge, String later) {
        this.origin = origin;
        this.before = before;
        this.merge = merge;
        this.later = later;
    }

    public static StepHistory of(Path directory, FleetFiles before, FleetFiles atMerge) throws Exception {
        GitOrigin origin = GitOrigin.withFiles(directory, before);
        String beforeId = origin.tip("main").name();
        String mergeId = origin.commit("main", changes(before, atMerge), "The step", GitOrigin.HUMAN).name();
        String laterId = origin.commit("main", Map.of("NOTES.md", "Someone merged again meanwhile.\n"), "Later",
                GitOrigin.HUMAN).name();
        return new StepHistory(origin, beforeId, mergeId, laterId);
    }

    public String before() {
        return before;
    }

    public String merge() {
        return merge;
    }

    public String later() {
        return later;
    }

    public Ancestry ancestry() {
        Repository repository = origin.repository();
        return (revision, ancestor) -> {
            if (!ObjectId.isId(revision)) {
                return false;
            }
            try (RevWalk walk = new RevWalk(repository)) {
                return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(ancestor)),
                        walk.parseCommit(ObjectId.fromString(revision)));
            } catch (IOException e) {
                return false;
            }
        };
    }

    @Override
    public void close() throws Exception {
        origin.close();
    }

    /** Files to write (null: delete) to turn one state into the other. */
    private static Map<String, String> changes(FleetFiles from, FleetFiles to) {
        Map<String, String> changes = new HashMap<>();
        from.asMap().keySet().stream().filter(p -> !to.asMap().containsKey(p)).forEach(p -> changes.put(p, null));
        to.asMap().forEach((path, text) -> {
            if (!text.equals(from.asMap().get(path))) {
                changes.put(path, text);
            }
        });
        return changes;
    }
}
