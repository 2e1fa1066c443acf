package io.drover.planning.steps;

import io.drover.model.FileChange;
import io.drover.model.FleetFiles;
import io.drover.yaml.YamlEditor;
import io.drover.yaml.YamlFile;
import io.drover.yaml.YamlNode;
import io.drover.yaml.YamlSyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The file changes of one step, built up edit by edit. Each edit sees the text left by the
 * previous ones, and YAML is edited in place so that untouched lines stay byte for byte.
 *
 * <p>Edits of distinct parts of one file (the weighted records of a DNSEndpoint that holds every
 * cluster's record) are collected on one editor and applied together, which gives the same text as
 * applying them one after the other: a step that moves a wave of a hundred clusters parses and
 * copies the file once, not once per cluster.
 */
final class FileEdits {

    private final FleetFiles files;
    private final Map<String, Optional<String>> changed = new TreeMap<>();
    /** Edits collected on a file's editor, not yet applied, with the parts of the file they concern. */
    private final Map<String, Batch> batches = new HashMap<>();

    /** {@code derived}: what was derived from the parse, by what and the line of the node it was derived from. */
    private record Batch(YamlFile file, YamlEditor editor, Set<String> parts, Map<String, Object> derived) {
    }

    FileEdits(FleetFiles files) {
        this.files = files;
    }

    /** Edits one document of a YAML file; the callback registers edits on the editor. */
    void editYaml(String path, java.util.function.Predicate<YamlNode> document, BiConsumer<YamlNode, YamlEditor> edit) {
        YamlFile file = parse(path, existing(path));
        YamlEditor editor = new YamlEditor(file);
        edit.accept(document(file, document), editor);
        changed.put(path, Optional.of(editor.apply()));
    }

    /**
     * Edits one part of a document (one weighted record: {@code parts} names the records the edit
     * reads or writes), collected with the other edits of the file until its text is needed. An edit
     * of a part an earlier collected edit concerns first applies those, so that it sees their result.
     */
    void editPart(String path, java.util.function.Predicate<YamlNode> document, Set<String> parts,
            BiConsumer<YamlNode, YamlEditor> edit) {
        Batch batch = batches.get(path);
        if (batch != null && parts.stream().anyMatch(batch.parts()::contains)) {
            apply(path);
            batch = null;
        }
        if (batch == null) {
            YamlFile file = parse(path, existing(path));
            batch = new Batch(file, new YamlEditor(file), new HashSet<>(), new HashMap<>());
            batches.put(path, batch);
        }
        edit.accept(document(batch.file(), document), batch.editor());
        batch.parts().addAll(parts);
    }

    /**
     * What {@code derive} gives for a node of the parse the edits of {@code path} are collected on
     * (from within {@link #editPart}), derived once per parse: the edits of a wave of clusters look
     * records up in the same parse of a file of thousands of records, once per edit.
     */
    @SuppressWarnings("unchecked")
    <T> T derived(String path, String what, YamlNode node, java.util.function.Function<YamlNode, T> derive) {
        Batch batch = batches.get(path);
        if (batch == null) {
            throw new IllegalStateException("no edits of " + path + " are being collected");
        }
        return (T) batch.derived().computeIfAbsent(what + "@" + node.line(), key -> derive.apply(node));
    }

    void create(String path, String text) {
        batches.remove(path);
        changed.put(path, Optional.of(text));
    }

    /** Deletes a file, or every file under a directory. */
    void delete(String pathOrDirectory) {
        if (files.exists(pathOrDirectory)) {
            batches.remove(pathOrDirectory);
            changed.put(pathOrDirectory, Optional.empty());
        }
        files.under(pathOrDirectory).keySet().forEach(p -> {
            batches.remove(p);
            changed.put(p, Optional.empty());
        });
    }

    Optional<String> current(String path) {
        apply(path);
        return changed.containsKey(path) ? changed.get(path) : files.read(path);
    }

    private String existing(String path) {
        return current(path).orElseThrow(() -> new IllegalStateException("no file " + path + " to edit"));
    }

    private static YamlNode document(YamlFile file, java.util.function.Predicate<YamlNode> document) {
        return file.documents().stream().filter(document).findFirst()
                .orElseThrow(() -> new IllegalStateException("no matching document in " + file.path()));
    }

    /** Applies the edits collected on the file's editor, if any. */
    private void apply(String path) {
        Batch batch = batches.remove(path);
        if (batch != null) {
            changed.put(path, Optional.of(batch.editor().apply()));
        }
    }

    List<FileChange> changes() {
        List.copyOf(batches.keySet()).forEach(this::apply);
        List<FileChange> result = new ArrayList<>();
        changed.forEach((path, after) -> {
            Optional<String> before = files.read(path);
            if (!before.equals(after)) {
                result.add(new FileChange(path, before, after));
            }
        });
        return result;
    }

    static YamlFile parse(String path, String text) {
        try {
            return YamlFile.parse(path, text);
        } catch (YamlSyntaxException e) {
            // The fleet was validated before planning, and edits are checked to re-parse; this is a bug.
            throw new IllegalStateException("edited text of " + path + " is not YAML: " + e.getMessage(), e);
        }
    }

    static java.util.function.Predicate<YamlNode> kind(String kind) {
        return d -> kind.equals(d.text("kind").orElse(""));
    }

    static java.util.function.Predicate<YamlNode> kindNamed(String kind, String name) {
        return d -> kind.equals(d.text("kind").orElse("")) && name.equals(d.text("metadata", "name").orElse(""));
    }
}
