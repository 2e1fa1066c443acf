package io.drover.fleet;

import io.drover.model.FleetFiles;
import io.drover.model.Problem;
import io.drover.yaml.YamlLimits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Where a fleet repository's files come from: a directory, or a commit of a Git repository.
 * Symbolic links are never followed, on disk or in a commit: a link could carry a file from
 * outside the repository into a step's diff, and Argo CD reads the repository without them.
 * Every link is refused; so is a file Drover parses (YAML, templates) that is not UTF-8 or is
 * too large. Other files that are not UTF-8 text (images, archives) are skipped.
 */
public final class FleetSource {

    private FleetSource() {
    }

    /** The text files under a directory, skipping {@code .git}. The directory itself may be reached through a link. */
    public static FleetFiles directory(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + " is not a directory");
        }
        Path top = root.toRealPath();
        Collected collected = new Collected();
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return dir.getFileName() != null && dir.getFileName().toString().equals(".git") && dir.getParent().equals(top)
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String path = top.relativize(file).toString().replace('\\', '/');
                if (path.equals(".git")) {
                    return FileVisitResult.CONTINUE;
                }
                if (attributes.isSymbolicLink()) {
                    collected.link(path, Files.readSymbolicLink(file).toString());
                } else if (attributes.isRegularFile()) {
                    if (attributes.size() > YamlLimits.MAX_CODE_POINTS * 4L) {
                        collected.tooLarge(path, attributes.size());
                    } else {
                        collected.file(path, Files.readAllBytes(file));
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return collected.files();
    }

    /** The text files of a commit, read from the object database without a checkout. */
    public static FleetFiles commit(Repository repository, ObjectId commitId) throws IOException {
        return commit(repository, commitId, "");
    }

    /** The files below {@code prefix} (a directory of the repository, or "" for all) of a commit. */
    public static FleetFiles commit(Repository repository, ObjectId commitId, String prefix) throws IOException {
        Collected collected = new Collected();
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
                    String path = tree.getPathString();
                    FileMode mode = tree.getFileMode(0);
                    if (!path.startsWith(prefix) || mode.getObjectType() != Constants.OBJ_BLOB) {
                        continue;
                    }
                    String relative = path.substring(prefix.length());
                    ObjectLoader blob = reader.open(tree.getObjectId(0));
                    if (mode == FileMode.SYMLINK) {
                        collected.link(relative, new String(blob.getBytes(), StandardCharsets.UTF_8));
                    } else if (blob.getSize() > YamlLimits.MAX_CODE_POINTS * 4L) {
                        collected.tooLarge(relative, blob.getSize());
                    } else {
                        collected.file(relative, blob.getBytes());
                    }
                }
            }
        }
        return collected.files();
    }

    /** The files read so far, and those refused with their problem. */
    private static final class Collected {

        private final Map<String, String> texts = new TreeMap<>();
        private final Map<String, Problem> refused = new TreeMap<>();

        void link(String path, String target) {
            refused.put(path, new Problem(path, 0, "a symbolic link (to " + target + "): Drover follows no links in the"
                    + " fleet repository, so that nothing from outside it is read or copied into a pull request",
                    "replace the link with the file (or directory) it points to"));
        }

        void tooLarge(String path, long bytes) {
            if (isParsed(path)) {
                refused.put(path, new Problem(path, 0, "refused: the file has " + bytes + " bytes; Drover reads at most "
                        + YamlLimits.MAX_CODE_POINTS + " characters (3 MiB) per file",
                        "split the file, or move what Drover does not read out of the fleet repository"));
            }
        }

        void file(String path, byte[] bytes) {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CharBuffer out = CharBuffer.allocate(bytes.length);
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                notUtf8(path, bytes, in.position()).ifPresent(p -> refused.put(path, p));
                return;
            }
            decoder.flush(out);
            texts.put(path, out.flip().toString());
        }

        /** Binary files are common and skipped; a file Drover must parse is named with the line of the first bad byte. */
        private Optional<Problem> notUtf8(String path, byte[] bytes, int offset) {
            if (!isParsed(path)) {
                return Optional.empty();
            }
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            return Optional.of(new Problem(path, line, String.format("not UTF-8 text: the byte 0x%02X on this line is"
                    + " not UTF-8 (the file may be in Latin-1 or Windows-1252)", bytes[offset] & 0xFF),
                    "save the file as UTF-8"));
        }

        /** YAML manifests and templates, which Drover parses; anything else may be binary. */
        private static boolean isParsed(String path) {
            return path.endsWith(".yaml") || path.endsWith(".yml") || path.endsWith(".qute");
        }

        FleetFiles files() {
            return FleetFiles.of(texts, refused);
        }
    }
}
