package io.drover.model;

import java.util.Optional;

/** One file a step creates, modifies or deletes: the whole text before and after. */
public record FileChange(String path, Optional<String> before, Optional<String> after) {

    public static FileChange create(String path, String text) {
        return new FileChange(path, Optional.empty(), Optional.of(text));
    }

    public static FileChange modify(String path, String before, String after) {
        return new FileChange(path, Optional.of(before), Optional.of(after));
    }

    public static FileChange delete(String path, String before) {
        return new FileChange(path, Optional.of(before), Optional.empty());
    }

    public String action() {
        return before.isEmpty() ? "create" : after.isEmpty() ? "delete" : "modify";
    }
}
