package io.drover.fleet;

import io.drover.model.FleetFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The Git repository that holds a fleet directory, read at a commit without a checkout. When the
 * directory lies below the repository's top, only the files under it count, with paths relative to it.
 */
public final class FleetGitRepository implements AutoCloseable {

    private static final int BRANCHES_SHOWN = 8;

    private final Repository repository;
    private final String prefix;

    private FleetGitRepository(Repository repository, String prefix) {
        this.repository = repository;
        this.prefix = prefix;
    }

    /** The repository whose working tree holds {@code fleetDir}, or empty when there is none. */
    public static Optional<FleetGitRepository> holding(Path fleetDir) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(fleetDir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        Repository repository = builder.setMustExist(true).build();
        if (repository.isBare()) {
            repository.close();
            return Optional.empty();
        }
        String relative = repository.getWorkTree().toPath().toRealPath().relativize(fleetDir.toRealPath())
                .toString().replace('\\', '/');
        return Optional.of(new FleetGitRepository(repository, relative.isEmpty() ? "" : relative + "/"));
    }

    /** The commit a revision ({@code HEAD}, a branch, a tag, a commit id) names, or empty when it names none. */
    public Optional<ObjectId> resolve(String revision) throws IOException {
        try {
            return Optional.ofNullable(repository.resolve(revision + "^{commit}"));
        } catch (RevisionSyntaxException e) {
            throw new IOException("'" + revision + "' is not a Git revision", e);
        }
    }

    /** The names of the local branches, the first few of them, to suggest when a revision names nothing. */
    public List<String> branches() throws IOException {
        List<String> names = repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS).stream()
                .map(ref -> Repository.shortenRefName(ref.getName())).sorted().toList();
        return names.size() <= BRANCHES_SHOWN ? names
                : java.util.stream.Stream.concat(names.stream().limit(BRANCHES_SHOWN), java.util.stream.Stream.of("...")).toList();
    }

    public FleetFiles files(ObjectId commit) throws IOException {
        return FleetSource.commit(repository, commit, prefix);
    }

    /** Whether the fleet directory at that commit has the subdirectory {@code path}, without reading any file. */
    public boolean hasDirectory(ObjectId commit, String path) throws IOException {
        try (RevWalk walk = new RevWalk(repository);
                TreeWalk tree = TreeWalk.forPath(repository, prefix + path, walk.parseCommit(commit).getTree())) {
            return tree != null && tree.getFileMode(0) == FileMode.TREE;
        }
    }

    /** The top of the working tree, to name the repository in messages. */
    public Path top() {
        return repository.getWorkTree().toPath();
    }

    /** The open repository, for reading its history; closed with this. */
    public Repository repository() {
        return repository;
    }

    @Override
    public void close() {
        repository.close();
    }
}
