package io.drover.cli;

import io.drover.fleet.FleetGitRepository;
import io.drover.fleet.FleetLayout;
import io.drover.fleet.FleetSource;
import io.drover.fleet.InvalidFleetException;
import io.drover.git.FleetWorkspace;
import io.drover.git.GitFailure;
import io.drover.model.FleetFiles;
import io.drover.model.Problem;
import io.drover.reconcile.MergedSteps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * FLEET_DIR as {@code drover plan} reads it: the files on disk, or those of a commit ({@code --ref}) of the
 * Git repository holding it; and that repository's history, which tells how far a rollout has come.
 */
final class FleetDirectory implements AutoCloseable {

    private final Path dir;
    private final Optional<FleetGitRepository> git;
    private final Optional<String> revision;
    private final Optional<ObjectId> commit;

    private FleetDirectory(Path dir, Optional<FleetGitRepository> git, Optional<String> revision, Optional<ObjectId> commit) {
        this.dir = dir;
        this.git = git;
        this.revision = revision;
        this.commit = commit;
    }

    /** @param revision the {@code --ref} given, or null to read the files on disk */
    static FleetDirectory open(Path dir, String revision) throws UsageProblem, IOException {
        if (!Files.isDirectory(dir)) {
            throw new UsageProblem(dir + " is not a directory; give the top directory of a fleet repository");
        }
        Optional<FleetGitRepository> git = FleetGitRepository.holding(dir);
        if (revision == null) {
            Optional<ObjectId> head = git.isPresent() ? git.get().resolve("HEAD") : Optional.empty();
            return new FleetDirectory(dir, git, Optional.empty(), head);
        }
        if (git.isEmpty()) {
            throw new UsageProblem("--ref " + revision + " reads a commit of the Git repository holding " + dir
                    + ", but it is in no Git repository; leave out --ref to read the files on disk");
        }
        try {
            return new FleetDirectory(dir, git, Optional.of(revision), Optional.of(commitOf(git.get(), revision)));
        } catch (UsageProblem | IOException | RuntimeException e) {
            git.get().close();
            throw e;
        }
    }

    private static ObjectId commitOf(FleetGitRepository git, String revision) throws UsageProblem, IOException {
        Optional<ObjectId> id;
        try {
            id = git.resolve(revision);
        } catch (IOException e) {
            throw new UsageProblem("--ref " + e.getMessage() + "; give a branch, a tag or a commit id");
        }
        if (id.isEmpty()) {
            List<String> branches = git.branches();
            throw new UsageProblem("--ref " + revision + " names no commit in the Git repository at " + git.top() + "; give "
                    + (branches.isEmpty() ? "" : "a branch (" + String.join(", ", branches) + "), ") + "a tag or a commit id");
        }
        return id.get();
    }

    /**
     * Checks the layout before anything below FLEET_DIR is read: a directory with none of the fleet
     * directories is a usage mistake, one with only some of them a broken fleet repo.
     */
    void checkLayout() throws UsageProblem, InvalidFleetException, IOException {
        List<Problem> missing = revision.isPresent()
                ? FleetLayout.missing(path -> git.orElseThrow().hasDirectory(commit.orElseThrow(), path))
                : FleetLayout.missing(path -> Files.isDirectory(dir.resolve(path)));
        if (FleetLayout.isNone(missing)) {
            throw new UsageProblem(dir + " is not a fleet repository: it has none of " + FleetLayout.EXPECTED + ". "
                    + fleetAbove().map(up -> up + ", above it, is one: run drover plan " + up).orElse("Give the top directory of one")
                    + " (docs/fleet-repo-format.md shows the layout)");
        }
        if (!missing.isEmpty()) {
            throw new InvalidFleetException(missing);
        }
    }

    /** The nearest directory above FLEET_DIR on disk that is a fleet repo, for when a subdirectory of one was given. */
    private Optional<Path> fleetAbove() throws IOException {
        if (revision.isPresent()) {
            return Optional.empty();
        }
        for (Path up = dir.toAbsolutePath().normalize().getParent(); up != null; up = up.getParent()) {
            Path candidate = up;
            if (FleetLayout.missing(path -> Files.isDirectory(candidate.resolve(path))).isEmpty()) {
                Path relative = Path.of("").toAbsolutePath().relativize(up);
                return Optional.of(relative.startsWith("..") || relative.toString().isEmpty() ? up : relative);
            }
        }
        return Optional.empty();
    }

    FleetFiles files() throws IOException {
        return revision.isPresent() ? git.orElseThrow().files(commit.orElseThrow()) : FleetSource.directory(dir);
    }

    /** How many steps of the rollout are merged in the history of --ref, or of HEAD when the files on disk are read. */
    RolloutProgress progress(String rollout) throws GitFailure {
        if (git.isEmpty() || commit.isEmpty()) {
            return RolloutProgress.NO_HISTORY;
        }
        try (FleetWorkspace history = FleetWorkspace.reading(git.get().repository())) {
            int merged = MergedSteps.of(history, commit.get().name(), rollout).stepIds().size();
            return new RolloutProgress(merged, Optional.of(revision.orElse("HEAD")));
        }
    }

    @Override
    public void close() {
        git.ifPresent(FleetGitRepository::close);
    }
}
