package io.drover.git;

import io.drover.fleet.FleetSource;
import io.drover.model.FileChange;
import io.drover.model.FleetFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefLeaseSpec;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Drover's clone of the fleet repository: bare, cloned once into the data directory and fetched
 * on every pass. Step commits are built straight into the object database from a base tree and
 * the step's file changes, so no working tree is ever checked out.
 */
public final class FleetWorkspace implements AutoCloseable {

    private static final String REMOTE = "refs/remotes/origin/";
    private static final int MERGED_LIMIT = 100;
    private static final int NOTES_PUSH_ATTEMPTS = 5;
    /** Origin's notes refs, Drover's among them, kept apart from Drover's own so that a fetch loses no unpushed line. */
    private static final RefSpec NOTES_FETCH = new RefSpec("+refs/notes/*:refs/notes/remotes/origin/*");

    private final Git git;
    private final CredentialsProvider credentials;
    private final DroverNotes notes;

    private FleetWorkspace(Git git, CredentialsProvider credentials) {
        this.git = git;
        this.credentials = credentials;
        this.notes = new DroverNotes(git.getRepository());
    }

    /** Opens the clone in {@code directory}, cloning {@code url} there first if it is not yet a clone. */
    public static FleetWorkspace open(Path directory, String url, CredentialsProvider credentials) throws GitFailure {
        try {
            if (Files.isDirectory(directory.resolve("objects")) && Files.exists(directory.resolve("HEAD"))) {
                Git git = Git.open(directory.toFile());
                String origin = git.getRepository().getConfig().getString("remote", "origin", "url");
                if (!url.equals(origin)) {
                    git.close();
                    throw new GitFailure(directory + " holds a clone of " + origin + ", not of " + url
                            + "; point drover.data-dir elsewhere or remove it");
                }
                return new FleetWorkspace(git, credentials);
            }
            Files.createDirectories(directory);
            Git git = Git.cloneRepository().setURI(url).setDirectory(directory.toFile()).setBare(true)
                    .setCredentialsProvider(credentials).setNoCheckout(true).call();
            // A bare clone maps branches onto refs/heads; Drover keeps the remote's own under refs/remotes.
            var config = git.getRepository().getConfig();
            config.setString("remote", "origin", "fetch", "+refs/heads/*:refs/remotes/origin/*");
            config.save();
            return new FleetWorkspace(git, credentials).fetch();
        } catch (IOException | GitAPIException e) {
            throw new GitFailure("cannot clone " + url + " into " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an already open repository, such as the one holding the directory given to
     * {@code drover plan}: its history and files, never fetching or pushing. Leaves it open.
     */
    public static FleetWorkspace reading(Repository repository) {
        return new FleetWorkspace(Git.wrap(repository), null);
    }

    /**
     * Brings every branch of origin up to date, dropping those origin deleted, and Drover's notes:
     * origin's, with the lines Drover added and has not pushed yet on top.
     */
    public FleetWorkspace fetch() throws GitFailure {
        fetch(new RefSpec("+refs/heads/*:refs/remotes/origin/*"), NOTES_FETCH);
        return this;
    }

    private void fetch(RefSpec... specs) throws GitFailure {
        try {
            Optional<ObjectId> seen = notes.tip(DroverNotes.SEEN);
            git.fetch().setRemote("origin").setCredentialsProvider(credentials).setRemoveDeletedRefs(true)
                    .setRefSpecs(specs).call();
            notes.carryOver(seen);
        } catch (GitAPIException | IOException e) {
            throw new GitFailure("cannot fetch from origin: " + e.getMessage(), e);
        }
    }

    /** The fetched tip of a branch of origin. */
    public Optional<String> branchTip(String branch) throws GitFailure {
        try {
            Ref ref = git.getRepository().exactRef(REMOTE + branch);
            return Optional.ofNullable(ref).map(Ref::getObjectId).map(ObjectId::name);
        } catch (IOException e) {
            throw new GitFailure("cannot read branch " + branch + ": " + e.getMessage(), e);
        }
    }

    public FleetFiles files(String commit) throws GitFailure {
        try {
            return FleetSource.commit(git.getRepository(), ObjectId.fromString(commit));
        } catch (IOException e) {
            throw new GitFailure("cannot read commit " + commit + ": " + e.getMessage(), e);
        }
    }

    /** The text of one file at a commit, or empty when the commit has no such file. */
    public Optional<String> read(String commit, String path) throws GitFailure {
        Repository repository = git.getRepository();
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit parsed = walk.parseCommit(ObjectId.fromString(commit));
            try (TreeWalk tree = TreeWalk.forPath(repository, path, parsed.getTree())) {
                if (tree == null) {
                    return Optional.empty();
                }
                return Optional.of(new String(repository.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new GitFailure("cannot read " + path + " at " + commit + ": " + e.getMessage(), e);
        }
    }

    /** A commit on top of {@code base} holding exactly the base tree with the changes applied. */
    public String commit(String base, List<FileChange> changes, String message, BotIdentity author, Instant when)
            throws GitFailure {
        Repository repository = git.getRepository();
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            ObjectId parent = ObjectId.fromString(base);
            Map<String, Optional<String>> files = new LinkedHashMap<>();
            changes.forEach(change -> files.put(change.path(), change.after()));
            ObjectId tree = Commits.tree(inserter, Optional.of(parent), files);
            ObjectId id = Commits.commit(inserter, tree, List.of(parent), author.at(when), author.at(when), message);
            return id.name();
        } catch (IOException e) {
            throw new GitFailure("cannot build a commit on " + base + ": " + e.getMessage(), e);
        }
    }

    /**
     * Points origin's {@code branch} at {@code commit}, but only if origin still has it where Drover
     * last saw it ({@code expected}, or absent when empty): a force-with-lease that never overwrites
     * a commit Drover has not seen.
     */
    public void push(String branch, String commit, Optional<String> expected) throws GitFailure {
        String ref = Constants.R_HEADS + branch;
        try {
            Iterable<PushResult> results = git.push().setRemote("origin").setCredentialsProvider(credentials)
                    .setRefSpecs(new RefSpec("+" + commit + ":" + ref))
                    .setRefLeaseSpecs(new RefLeaseSpec(ref, expected.orElse(ObjectId.zeroId().name())))
                    .call();
            for (PushResult result : results) {
                RemoteRefUpdate update = result.getRemoteUpdate(ref);
                if (update.getStatus() != RemoteRefUpdate.Status.OK && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                    throw new GitFailure("origin refused " + branch + ": " + update.getStatus()
                            + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
                }
            }
            var update = git.getRepository().updateRef(REMOTE + branch);
            update.setNewObjectId(ObjectId.fromString(commit));
            update.forceUpdate();
        } catch (GitAPIException | IOException e) {
            throw new GitFailure("cannot push " + branch + " to origin: " + e.getMessage(), e);
        }
    }

    /**
     * Adds a line to Drover's note on {@code commit} (refs/notes/drover), creating the note if there
     * is none, unless the note has that exact line already: redoing an append after a crash leaves
     * one line. Local until {@link #pushNotes()}. Returns whether the notes changed.
     */
    public boolean appendNote(String commit, String line, BotIdentity author, Instant when) throws GitFailure {
        DroverNotes.checkLine(line);
        try {
            return notes.append(ObjectId.fromString(commit), line, author.at(when));
        } catch (IOException e) {
            throw new GitFailure("cannot add a note on " + commit + ": " + e.getMessage(), e);
        }
    }

    /** The lines of Drover's note on {@code commit}, as Drover has them (pushed or not); none without a note. */
    public List<String> noteLines(String commit) throws GitFailure {
        try {
            return notes.lines(DroverNotes.REF, ObjectId.fromString(commit));
        } catch (IOException e) {
            throw new GitFailure("cannot read the note on " + commit + ": " + e.getMessage(), e);
        }
    }

    /**
     * The id of the notes commit refs/notes/drover points at (pushed or not), empty without notes:
     * the same id, the same notes.
     */
    public Optional<String> notesVersion() throws GitFailure {
        try {
            return notes.tip(DroverNotes.REF).map(ObjectId::name);
        } catch (IOException e) {
            throw new GitFailure("cannot read refs/notes/drover: " + e.getMessage(), e);
        }
    }

    /** Every note of refs/notes/drover: its lines by the commit it is on. */
    public Map<String, List<String>> notes() throws GitFailure {
        try {
            return notes.all(DroverNotes.REF);
        } catch (IOException e) {
            throw new GitFailure("cannot read refs/notes/drover: " + e.getMessage(), e);
        }
    }

    /**
     * Pushes refs/notes/drover to origin, only over the notes commit Drover last fetched from there.
     * When origin refuses because its notes moved meanwhile, fetches them, puts Drover's new lines on
     * top and tries again, up to {@value #NOTES_PUSH_ATTEMPTS} times; a refusal with origin's notes
     * where Drover saw them is origin's answer, and final.
     */
    public void pushNotes() throws GitFailure {
        for (int attempt = 1; attempt <= NOTES_PUSH_ATTEMPTS; attempt++) {
            Optional<ObjectId> seen;
            RemoteRefUpdate update;
            try {
                Optional<ObjectId> local = notes.tip(DroverNotes.REF);
                seen = notes.tip(DroverNotes.SEEN);
                if (local.isEmpty() || local.equals(seen)) {
                    return;
                }
                update = pushNotes(local.get(), seen);
                if (update.getStatus() == RemoteRefUpdate.Status.OK || update.getStatus() == RemoteRefUpdate.Status.UP_TO_DATE) {
                    notes.move(DroverNotes.SEEN, seen, local, true);
                    return;
                }
            } catch (GitAPIException | IOException e) {
                throw new GitFailure("cannot push " + DroverNotes.REF + " to origin: " + e.getMessage(), e);
            }
            fetch(NOTES_FETCH);
            if (seenNotes().equals(seen)) {
                throw new GitFailure("origin refused " + DroverNotes.REF + ": " + update.getStatus()
                        + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
            }
        }
        throw new GitFailure("origin's " + DroverNotes.REF + " changed under each of " + NOTES_PUSH_ATTEMPTS
                + " pushes; the notes stay here and are pushed on a later pass");
    }

    private Optional<ObjectId> seenNotes() throws GitFailure {
        try {
            return notes.tip(DroverNotes.SEEN);
        } catch (IOException e) {
            throw new GitFailure("cannot read " + DroverNotes.SEEN + ": " + e.getMessage(), e);
        }
    }

    private RemoteRefUpdate pushNotes(ObjectId local, Optional<ObjectId> seen) throws GitAPIException {
        Iterable<PushResult> results = git.push().setRemote("origin").setCredentialsProvider(credentials)
                .setRefSpecs(new RefSpec("+" + local.name() + ":" + DroverNotes.REF))
                .setRefLeaseSpecs(new RefLeaseSpec(DroverNotes.REF, seen.orElse(ObjectId.zeroId()).name()))
                .call();
        return results.iterator().next().getRemoteUpdate(DroverNotes.REF);
    }

    /** Whether {@code branch} has a commit that {@code base} does not have, authored or committed by anyone but the bot. */
    public boolean hasForeignCommits(String branch, String base, BotIdentity bot) throws GitFailure {
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            walk.markStart(walk.parseCommit(ObjectId.fromString(branch)));
            walk.markUninteresting(walk.parseCommit(ObjectId.fromString(base)));
            for (RevCommit commit : walk) {
                if (!bot.authored(commit.getAuthorIdent()) || !bot.authored(commit.getCommitterIdent())) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new GitFailure("cannot compare " + branch + " with " + base + ": " + e.getMessage(), e);
        }
    }

    /**
     * The first-parent history of a branch, newest first: each commit with, for a merge, the commit
     * it merged, so that a step commit is found whether it was merged, squashed or rebased.
     */
    public List<MainlineCommit> mainline(String tip, int limit) throws GitFailure {
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            walk.setFirstParent(true);
            walk.markStart(walk.parseCommit(ObjectId.fromString(tip)));
            List<MainlineCommit> commits = new ArrayList<>();
            for (RevCommit commit : walk) {
                List<String> merged = new ArrayList<>();
                if (commit.getParentCount() > 1) {
                    // Everything the merge brought in: a branch may hold more than the step commit.
                    try (RevWalk side = new RevWalk(git.getRepository())) {
                        side.markStart(side.parseCommit(commit.getParent(1)));
                        side.markUninteresting(side.parseCommit(commit.getParent(0)));
                        for (RevCommit brought : side) {
                            merged.add(brought.getFullMessage());
                            if (merged.size() >= MERGED_LIMIT) {
                                break;
                            }
                        }
                    }
                }
                Optional<String> parent = commit.getParentCount() > 0 ? Optional.of(commit.getParent(0).name()) : Optional.empty();
                commits.add(new MainlineCommit(commit.name(), parent, commit.getCommitterIdent().getWhenAsInstant(),
                        commit.getFullMessage(), merged));
                if (commits.size() >= limit) {
                    break;
                }
            }
            return commits;
        } catch (IOException e) {
            throw new GitFailure("cannot walk the history of " + tip + ": " + e.getMessage(), e);
        }
    }

    /** A commit of a branch's first-parent history, and the messages of the commits it merged, if any. */
    public record MainlineCommit(String id, Optional<String> firstParent, Instant time, String message,
            List<String> mergedMessages) {
        public MainlineCommit {
            mergedMessages = List.copyOf(mergedMessages);
        }
    }

    /** The paths whose content differs between two commits, in tree order. */
    public List<String> changedPaths(String from, String to) throws GitFailure {
        Repository repository = git.getRepository();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(walk.parseCommit(ObjectId.fromString(from)).getTree());
            tree.addTree(walk.parseCommit(ObjectId.fromString(to)).getTree());
            tree.setRecursive(true);
            tree.setFilter(TreeFilter.ANY_DIFF);
            List<String> paths = new ArrayList<>();
            while (tree.next()) {
                paths.add(tree.getPathString());
            }
            return paths;
        } catch (IOException e) {
            throw new GitFailure("cannot compare " + from + " with " + to + ": " + e.getMessage(), e);
        }
    }

    /**
     * The paths of {@code changes} whose content at {@code commit} is not the change's result (a
     * file the change deletes differs while it exists), in the order of {@code changes}. One walk of
     * the commit's tree over those paths, comparing blob ids: no file is read, so a step of hundreds
     * of files costs about one tree walk.
     */
    public List<String> differingPaths(String commit, List<FileChange> changes) throws GitFailure {
        if (changes.isEmpty()) {
            return List.of();
        }
        Repository repository = git.getRepository();
        Map<String, ObjectId> atCommit = new java.util.HashMap<>();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(walk.parseCommit(ObjectId.fromString(commit)).getTree());
            tree.setRecursive(true);
            tree.setFilter(PathFilterGroup.createFromStrings(changes.stream().map(FileChange::path).toList()));
            while (tree.next()) {
                if (tree.getFileMode(0).getObjectType() == Constants.OBJ_BLOB) {
                    atCommit.put(tree.getPathString(), tree.getObjectId(0));
                }
            }
        } catch (IOException e) {
            throw new GitFailure("cannot read commit " + commit + ": " + e.getMessage(), e);
        }
        List<String> differing = new ArrayList<>();
        try (ObjectInserter.Formatter blobs = new ObjectInserter.Formatter()) {
            for (FileChange change : changes) {
                ObjectId found = atCommit.get(change.path());
                boolean same = change.after().isEmpty() ? found == null
                        : found != null && found.equals(blobs.idFor(Constants.OBJ_BLOB,
                                change.after().get().getBytes(StandardCharsets.UTF_8)));
                if (!same) {
                    differing.add(change.path());
                }
            }
        }
        return differing;
    }

    /**
     * Whether {@code revision} (as Argo CD reports it) is {@code merge} or a later commit that has
     * it in its history; false for anything that is not a commit id Drover has fetched.
     */
    public boolean isDescendantOrSame(String revision, String merge) {
        return ObjectId.isId(revision) && isAncestor(merge, revision);
    }

    /**
     * Whether {@code maybeAncestor} is {@code of} or one of its ancestors. An unknown commit (not
     * fetched, or not a commit) is no ancestor: callers wait rather than guess.
     */
    public boolean isAncestor(String maybeAncestor, String of) {
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(maybeAncestor)), walk.parseCommit(ObjectId.fromString(of)));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
