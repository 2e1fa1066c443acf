package io.drover.testing;

import io.drover.model.FleetFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ThreeWayMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * A real bare repository standing in for the fleet repo's origin. It can take commits directly
 * (a human pushing to main or to a branch) and merge a branch into main the way a forge's merge
 * button does (a merge commit, three-way, refused on conflict).
 */
public final class GitOrigin implements AutoCloseable {

    public static final PersonIdent HUMAN = new PersonIdent("Robin Reviewer", "robin@example.com", Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    private final Repository repository;
    private final Path directory;

    private GitOrigin(Repository repository, Path directory) {
        this.repository = repository;
        this.directory = directory;
    }

    /** A bare repository whose main holds the given files in one commit. */
    public static GitOrigin withFiles(Path directory, FleetFiles files) throws Exception {
        Git git = Git.init().setBare(true).setDirectory(directory.toFile()).setInitialBranch("main").call();
        // No background gc after a push: it would race the test's removal of the directory.
        var config = git.getRepository().getConfig();
        config.setInt("gc", null, "auto", 0);
        config.setBoolean("gc", null, "autoDetach", false);
        config.setInt("receive", null, "autogc", 0);
        config.save();
        GitOrigin origin = new GitOrigin(git.getRepository(), directory);
        origin.commit("main", files.asMap(), "Fleet as it is today", HUMAN);
        return origin;
    }

    public String url() {
        return directory.toUri().toString();
    }

    public Repository repository() {
        return repository;
    }

    public ObjectId tip(String branch) throws IOException {
        return repository.resolve(Constants.R_HEADS + branch);
    }

    /** The fleet files at the tip of a branch. */
    public io.drover.model.FleetFiles files(String branch) throws IOException {
        return io.drover.fleet.FleetSource.commit(repository, tip(branch));
    }

    /** Commits files (null content deletes) onto a branch, as someone pushing would. */
    public ObjectId commit(String branch, Map<String, String> files, String message, PersonIdent who) throws IOException {
        ObjectId parent = tip(branch);
        try (ObjectInserter inserter = repository.newObjectInserter(); RevWalk walk = new RevWalk(repository)) {
            DirCache index = DirCache.newInCore();
            if (parent != null) {
                var builder = index.builder();
                builder.addTree(new byte[0], DirCacheEntry.STAGE_0, repository.newObjectReader(), walk.parseCommit(parent).getTree());
                builder.finish();
            }
            DirCacheEditor editor = index.editor();
            for (var file : files.entrySet()) {
                if (file.getValue() == null) {
                    editor.add(new DirCacheEditor.DeletePath(file.getKey()));
                    continue;
                }
                ObjectId blob = inserter.insert(Constants.OBJ_BLOB, file.getValue().getBytes(StandardCharsets.UTF_8));
                editor.add(new DirCacheEditor.PathEdit(file.getKey()) {
                    @Override
                    public void apply(DirCacheEntry entry) {
                        entry.setFileMode(FileMode.REGULAR_FILE);
                        entry.setObjectId(blob);
                    }
                });
            }
            editor.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            if (parent != null) {
                commit.setParentId(parent);
            }
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            move(branch, id);
            return id;
        }
    }

    /** Merges a branch into main with a merge commit; null when it conflicts. */
    public ObjectId merge(String branch, String message, Instant when) throws IOException {
        ObjectId main = tip("main");
        ObjectId side = tip(branch);
        ThreeWayMerger merger = MergeStrategy.RECURSIVE.newMerger(repository, true);
        if (!merger.merge(main, side)) {
            return null;
        }
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(merger.getResultTreeId());
            commit.setParentIds(main, side);
            PersonIdent merger1 = new PersonIdent(HUMAN, when);
            commit.setAuthor(merger1);
            commit.setCommitter(merger1);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            move("main", id);
            return id;
        }
    }

    public String read(String branch, String path) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(tip(branch));
            try (var tree = org.eclipse.jgit.treewalk.TreeWalk.forPath(repository, path, commit.getTree())) {
                return tree == null ? null : new String(repository.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private void move(String branch, ObjectId id) throws IOException {
        RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
        update.setNewObjectId(id);
        update.forceUpdate();
    }

    @Override
    public void close() {
        repository.close();
    }
}
