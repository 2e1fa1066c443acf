package io.drover.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Commits written straight into a repository's object database, the way step commits, notes commits
 * and the local forge's pushes and merges are all made: no working tree and no index file, so a
 * crash leaves at worst an unreferenced object, never a half-written checkout.
 */
public final class Commits {

    private Commits() {
    }

    /**
     * The tree of commit {@code base} (the empty tree when there is none) with {@code files} written
     * over it: each path set to its text, or deleted when the text is empty.
     */
    public static ObjectId tree(ObjectInserter inserter, Optional<? extends AnyObjectId> base,
            Map<String, Optional<String>> files) throws IOException {
        DirCache index = DirCache.newInCore();
        if (base.isPresent()) {
            try (ObjectReader reader = inserter.newReader(); RevWalk walk = new RevWalk(reader)) {
                DirCacheBuilder builder = index.builder();
                builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, walk.parseCommit(base.get()).getTree());
                builder.finish();
            }
        }
        DirCacheEditor editor = index.editor();
        for (var file : files.entrySet()) {
            if (file.getValue().isEmpty()) {
                editor.add(new DirCacheEditor.DeletePath(file.getKey()));
                continue;
            }
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, file.getValue().get().getBytes(StandardCharsets.UTF_8));
            editor.add(new DirCacheEditor.PathEdit(file.getKey()) {
                @Override
                public void apply(DirCacheEntry entry) {
                    entry.setFileMode(FileMode.REGULAR_FILE);
                    entry.setObjectId(blob);
                }
            });
        }
        editor.finish();
        return index.writeTree(inserter);
    }

    /**
     * Inserts a commit of {@code tree} on {@code parents} (none: a root commit) and flushes it, so that
     * a ref may point at it as soon as this returns.
     */
    public static ObjectId commit(ObjectInserter inserter, ObjectId tree, List<? extends AnyObjectId> parents,
            PersonIdent author, PersonIdent committer, String message) throws IOException {
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        commit.setParentIds(parents);
        commit.setAuthor(author);
        commit.setCommitter(committer);
        commit.setMessage(message);
        ObjectId id = inserter.insert(commit);
        inserter.flush();
        return id;
    }
}
