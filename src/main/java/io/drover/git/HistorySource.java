package io.drover.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.util.FileUtils;

/**
 * A repository whose history is read, never written: a local directory (a working tree, a bare
 * repository, or Drover's own clone) opened in place, or a URL cloned bare, branches and notes,
 * into a temporary directory that is removed on close.
 */
public final class HistorySource implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.+|^[^/\\s]+@[^/\\s]+:.*");

    private final Repository repository;
    private final Optional<Path> temporary;

    private HistorySource(Repository repository, Optional<Path> temporary) {
        this.repository = repository;
        this.temporary = temporary;
    }

    /**
     * @param token sent as the password of x-access-token when cloning over HTTPS; empty for
     *              public repositories and other transports
     */
    public static HistorySource open(String dirOrUrl, Optional<String> token) throws GitFailure {
        if (URL.matcher(dirOrUrl).matches()) {
            return cloneOf(dirOrUrl, token);
        }
        Path dir = Path.of(dirOrUrl);
        if (!Files.isDirectory(dir)) {
            throw new GitFailure(dirOrUrl + " is neither a directory nor a URL (https://..., ssh://..., file://..., git@host:path)");
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        if (Files.isDirectory(dir.resolve("objects")) && Files.isRegularFile(dir.resolve("HEAD"))) {
            builder.setGitDir(dir.toFile());
        } else {
            builder.findGitDir(dir.toAbsolutePath().toFile());
            if (builder.getGitDir() == null) {
                throw new GitFailure(dir + " is not in a Git repository");
            }
        }
        try {
            return new HistorySource(builder.build(), Optional.empty());
        } catch (IOException e) {
            throw new GitFailure("cannot open the Git repository at " + dir + ": " + e.getMessage(), e);
        }
    }

    private static HistorySource cloneOf(String url, Optional<String> token) throws GitFailure {
        Path temporary = null;
        try {
            temporary = Files.createTempDirectory("drover-audit-");
            Git git = Git.init().setBare(true).setDirectory(temporary.toFile()).call();
            try {
                // A fetch may start a gc in the background, which would still be writing while the copy is removed.
                var config = git.getRepository().getConfig();
                config.setInt("gc", null, "auto", 0);
                config.setBoolean("gc", null, "autoDetach", false);
                config.save();
                var fetch = git.fetch().setRemote(url).setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*"),
                        new RefSpec("+refs/notes/*:refs/notes/*"));
                token.ifPresent(t -> fetch.setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", t)));
                fetch.call();
                return new HistorySource(git.getRepository(), Optional.of(temporary));
            } catch (GitAPIException | RuntimeException e) {
                git.close();
                throw e;
            }
        } catch (IOException | GitAPIException | RuntimeException e) {
            delete(Optional.ofNullable(temporary));
            throw new GitFailure("cannot clone " + url + ": " + e.getMessage(), e);
        }
    }

    /** A branch's tip, and the name of the ref it was read from: {@code main}, or {@code origin/main}. */
    public record BranchTip(String name, String commit) {
    }

    /**
     * The tip of a branch. In a working tree the local branch, else origin's; in a bare repository
     * origin's as last fetched, else the local one: a bare clone that keeps origin's branches apart
     * (Drover's) has local branches only as they were when it was cloned.
     */
    public Optional<BranchTip> tip(String branch) throws GitFailure {
        String local = Constants.R_HEADS + branch;
        String origins = Constants.R_REMOTES + "origin/" + branch;
        try {
            for (String ref : repository.isBare() ? List.of(origins, local) : List.of(local, origins)) {
                Ref found = repository.exactRef(ref);
                if (found != null && found.getObjectId() != null) {
                    return Optional.of(new BranchTip(Repository.shortenRefName(ref), found.getObjectId().name()));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new GitFailure("cannot read branch " + branch + ": " + e.getMessage(), e);
        }
    }

    /** The branches there are, local and origin's, by their short names. */
    public List<String> branches() throws GitFailure {
        try {
            return repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS, Constants.R_REMOTES + "origin/").stream()
                    .map(ref -> ref.getName().startsWith(Constants.R_HEADS) ? ref.getName().substring(Constants.R_HEADS.length())
                            : ref.getName().substring((Constants.R_REMOTES + "origin/").length()))
                    .filter(name -> !name.equals(Constants.HEAD)).distinct().sorted().toList();
        } catch (IOException e) {
            throw new GitFailure("cannot list the branches: " + e.getMessage(), e);
        }
    }

    /** Reads history and notes; leaves the repository open until this source is closed. */
    public FleetWorkspace history() {
        return FleetWorkspace.reading(repository);
    }

    @Override
    public void close() {
        repository.close();
        delete(temporary);
    }

    private static void delete(Optional<Path> directory) {
        if (directory.isEmpty()) {
            return;
        }
        try {
            FileUtils.delete(directory.get().toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
        } catch (IOException e) {
            // Nothing to recover: a temporary copy left behind is the only cost, and the OS cleans its temp dir.
            System.err.println("drover: could not remove the temporary clone " + directory.get() + ": " + e.getMessage());
        }
    }
}
