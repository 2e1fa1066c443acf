package io.drover.planning;

import io.drover.model.FileChange;
import io.drover.model.StepKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A step without its edits' text and traffic state: what is kept of every step of a plan, so that
 * a plan of thousands of steps over a fleet of thousands of clusters stays small. The digest of
 * the edits still tells two plans with different edits apart.
 *
 * @param changesDigest SHA-256 over each changed file's path and text after the step (hex)
 */
public record StepOutline(String id, StepKind kind, List<String> clusters, String title, String changesDigest) {

    public StepOutline {
        clusters = List.copyOf(clusters);
    }

    public static StepOutline of(Step step) {
        return new StepOutline(step.id(), step.kind(), step.clusters(), step.title(), digest(step.changes()));
    }

    static String digest(List<FileChange> changes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (FileChange change : changes) {
                // Lengths first, so that no two different lists of (path, text) hash the same input.
                String after = change.after().orElse(null);
                update(sha, change.path());
                if (after == null) {
                    sha.update((byte) 0);
                } else {
                    sha.update((byte) 1);
                    update(sha, after);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest sha, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        sha.update(bytes);
    }
}
