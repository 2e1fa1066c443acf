package io.drover.forge.local;

import io.drover.git.Commits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ThreeWayMerger;

/**
 * The local forge's Git side: a bare repository that Drover clones, fetches from and pushes to as
 * it would to GitHub, and that merges a branch the way a merge button does (a three-way merge into
 * a merge commit, refused on conflict).
 */
public final class LocalRepository implements AutoCloseable {

    private final Repository repository;
    private final Path directory;

    private LocalRepository(Repository repository, Path directory) {
        this.repository = repository;
        this.directory = directory;
    }

    /** A new, empty bare repository whose default branch is {@code base}. */
    public static LocalRepository create(Path directory, String base) throws IOException {
        try {
            Git git = Git.init().setBare(true).setDirectory(directory.toFile()).setInitialBranch(base).call();
            // No background gc: the demo's repository is small, and a detached gc would outlive the JVM's writes.
            var config = git.getRepository().getConfig();
            config.setInt("gc", null, "auto", 0);
            config.setBoolean("gc", null, "autoDetach", false);
            config.setInt("receive", null, "autogc", 0);
            config.save();
            return new LocalRepository(git.getRepository(), directory);
        } catch (GitAPIException e) {
            throw new IOException("cannot create a repository in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The bare repository already in {@code directory}. */
    public static LocalRepository open(Path directory) throws IOException {
        return new LocalRepository(Git.open(directory.toFile()).getRepository(), directory);
    }

    /** What Drover and {@code git clone} take as the repository's URL. */
    public String url() {
        return directory.toUri().toString();
    }

    public Path directory() {
        return directory;
    }

    public Repository repository() {
        return repository;
    }

    public Optional<ObjectId> tip(String branch) throws IOException {
        return Optional.ofNullable(repository.resolve(Constants.R_HEADS + branch));
    }

    /** Commits {@code files} (a null content deletes) onto {@code branch}, as someone pushing would. */
    public ObjectId commit(String branch, Map<String, String> files, String message, PersonIdent who) throws IOException {
        Optional<ObjectId> parent = tip(branch);
        Map<String, Optional<String>> texts = new LinkedHashMap<>();
        files.forEach((path, text) -> texts.put(path, Optional.ofNullable(text)));
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            ObjectId tree = Commits.tree(inserter, parent, texts);
            ObjectId id = Commits.commit(inserter, tree, parent.stream().toList(), who, who, message);
            move(Constants.R_HEADS + branch, id);
            return id;
        }
    }

    /** Whether {@code head} merges into {@code base} without conflict. */
    public boolean mergesCleanly(String base, String head) throws IOException {
        ObjectId into = tip(base).orElseThrow(() -> new IOException("no branch " + base));
        ObjectId side = tip(head).orElseThrow(() -> new IOException("no branch " + head));
        return MergeStrategy.RECURSIVE.newMerger(repository, true).merge(into, side);
    }

    /**
     * Merges {@code head} into {@code base} with a merge commit authored by {@code merger} and
     * committed by {@code committer}, as GitHub records a merge; empty when it conflicts.
     */
    public Optional<ObjectId> merge(String base, String head, String message, PersonIdent merger, PersonIdent committer)
            throws IOException {
        ObjectId into = tip(base).orElseThrow(() -> new IOException("no branch " + base));
        ObjectId side = tip(head).orElseThrow(() -> new IOException("no branch " + head));
        ThreeWayMerger merger3 = MergeStrategy.RECURSIVE.newMerger(repository, true);
        if (!merger3.merge(into, side)) {
            return Optional.empty();
        }
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            ObjectId id = Commits.commit(inserter, merger3.getResultTreeId(), List.of(into, side), merger, committer, message);
            move(Constants.R_HEADS + base, id);
            return Optional.of(id);
        }
    }

    /** Points a ref (GitHub's {@code refs/pull/N/head}, say) at a commit. */
    public void move(String ref, ObjectId id) throws IOException {
        RefUpdate update = repository.updateRef(ref);
        update.setNewObjectId(id);
        RefUpdate.Result result = update.forceUpdate();
        if (result == RefUpdate.Result.LOCK_FAILURE || result == RefUpdate.Result.IO_FAILURE
                || result == RefUpdate.Result.REJECTED) {
            throw new IOException("cannot move " + ref + " to " + id.name() + ": " + result);
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
