package io.drover.fleet;

import io.drover.model.FleetFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/** Where a fleet repository's files come from: a directory, or a commit of a Git repository. */
public final class FleetSource {

    private FleetSource() {
    }

    /** The text files under a directory, skipping {@code .git} and files that are not UTF-8 text. */
    public static FleetFiles directory(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + " is not a directory");
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (relative.startsWith(".git/") || relative.equals(".git")) {
                    continue;
                }
                decode(Files.readAllBytes(file)).ifPresent(text -> files.put(relative, text));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return FleetFiles.of(files);
    }

    /** The text files of a commit, read from the object database without a checkout. */
    public static FleetFiles commit(Repository repository, ObjectId commitId) throws IOException {
        return commit(repository, commitId, "");
    }

    /** The files below {@code prefix} (a directory of the repository, or "" for all) of a commit. */
    public static FleetFiles commit(Repository repository, ObjectId commitId, String prefix) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
            RevCommit commit = walk.parseCommit(commitId);
            try (TreeWalk tree = new TreeWalk(reader)) {
                tree.addTree(commit.getTree());
                tree.setRecursive(true);
                if (!prefix.isEmpty()) {
                    // Only the fleet directory is read, however large the rest of the repository.
                    tree.setFilter(PathFilter.create(prefix.substring(0, prefix.length() - 1)));
                }
                while (tree.next()) {
                    if (tree.getFileMode(0).getObjectType() == org.eclipse.jgit.lib.Constants.OBJ_BLOB) {
                        byte[] bytes = reader.open(tree.getObjectId(0)).getBytes();
                        String path = tree.getPathString();
                        decode(bytes).ifPresent(text -> files.put(path.substring(prefix.length()), text));
                    }
                }
            }
        }
        return FleetFiles.of(files);
    }

    private static java.util.Optional<String> decode(byte[] bytes) {
        try {
            return java.util.Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return java.util.Optional.empty();
        }
    }
}
