package io.drover.forge.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.drover.forge.CommitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the local forge keeps what GitHub keeps beside the repository, one JSON file per thing so
 * that a person can read it: {@code pulls/N.json}, {@code issues/N.json} and
 * {@code statuses/SHA.json}. Each file is replaced whole (written aside, then moved), so a crash
 * leaves the old or the new one, never half of one.
 */
final class ForgeStore {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The latest status per context on one commit. */
    record StoredStatuses(String sha, Map<String, CommitStatus> byContext) {
        StoredStatuses {
            byContext = new LinkedHashMap<>(byContext);
        }
    }

    private final Path root;

    ForgeStore(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path pullFile(int number) {
        return root.resolve("pulls").resolve(number + ".json");
    }

    void save(StoredPull pull) throws IOException {
        write(pullFile(pull.number()), pull);
    }

    void save(StoredIssue issue) throws IOException {
        write(root.resolve("issues").resolve(issue.number() + ".json"), issue);
    }

    void save(StoredStatuses statuses) throws IOException {
        write(root.resolve("statuses").resolve(statuses.sha() + ".json"), statuses);
    }

    List<StoredPull> pulls() throws IOException {
        return all("pulls", StoredPull.class);
    }

    List<StoredIssue> issues() throws IOException {
        return all("issues", StoredIssue.class);
    }

    List<StoredStatuses> statuses() throws IOException {
        return all("statuses", StoredStatuses.class);
    }

    private <T> List<T> all(String directory, Class<T> type) throws IOException {
        Path dir = root.resolve(directory);
        List<T> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    found.add(JSON.readValue(file.toFile(), type));
                } catch (IOException e) {
                    throw new IOException("the local forge cannot read " + file + ": " + e.getMessage(), e);
                }
            }
        }
        return found;
    }

    private void write(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        Path aside = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(aside.toFile(), value);
        Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
