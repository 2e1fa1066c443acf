package io.drover.testing;

import io.drover.fleet.FleetSource;
import io.drover.forge.local.LocalRepository;
import io.drover.model.FleetFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A real bare repository standing in for the fleet repo's origin. It can take commits directly
 * (a human pushing to main or to a branch) and merge a branch into main the way a forge's merge
 * button does (a merge commit, three-way, refused on conflict): the local forge's repository, with
 * the shapes the tests want (a null tip for a missing branch, a human at a given instant merging).
 */
public final class GitOrigin implements AutoCloseable {

    public static final PersonIdent HUMAN = new PersonIdent("Robin Reviewer", "robin@example.com", Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    private final LocalRepository repository;

    private GitOrigin(LocalRepository repository) {
        this.repository = repository;
    }

    /** A bare repository whose main holds the given files in one commit. */
    public static GitOrigin withFiles(Path directory, FleetFiles files) throws Exception {
        GitOrigin origin = new GitOrigin(LocalRepository.create(directory, "main"));
        origin.commit("main", files.asMap(), "Fleet as it is today", HUMAN);
        return origin;
    }

    public String url() {
        return repository.url();
    }

    public Repository repository() {
        return repository.repository();
    }

    public ObjectId tip(String branch) throws IOException {
        return repository.tip(branch).orElse(null);
    }

    /** The fleet files at the tip of a branch. */
    public FleetFiles files(String branch) throws IOException {
        return FleetSource.commit(repository(), tip(branch));
    }

    /** Commits files (null content deletes) onto a branch, as someone pushing would. */
    public ObjectId commit(String branch, Map<String, String> files, String message, PersonIdent who) throws IOException {
        return repository.commit(branch, files, message, who);
    }

    /** Merges a branch into main with a merge commit; null when it conflicts. */
    public ObjectId merge(String branch, String message, Instant when) throws IOException {
        PersonIdent merger = new PersonIdent(HUMAN, when);
        return repository.merge("main", branch, message, merger, merger).orElse(null);
    }

    public String read(String branch, String path) throws IOException {
        try (RevWalk walk = new RevWalk(repository())) {
            RevCommit commit = walk.parseCommit(tip(branch));
            try (TreeWalk tree = TreeWalk.forPath(repository(), path, commit.getTree())) {
                return tree == null ? null : new String(repository().open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
