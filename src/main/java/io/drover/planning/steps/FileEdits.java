package io.drover.planning.steps;

import io.drover.model.FileChange;
import io.drover.model.FleetFiles;
import io.drover.yaml.YamlEditor;
import io.drover.yaml.YamlFile;
import io.drover.yaml.YamlNode;
import io.drover.yaml.YamlSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The file changes of one step, built up edit by edit. Each edit sees the text left by the
 * previous ones, and YAML is edited in place so that untouched lines stay byte for byte.
 */
final class FileEdits {

    private final FleetFiles files;
    private final Map<String, Optional<String>> changed = new TreeMap<>();

    FileEdits(FleetFiles files) {
        this.files = files;
    }

    /** Edits one document of a YAML file; the callback registers edits on the editor. */
    void editYaml(String path, java.util.function.Predicate<YamlNode> document, BiConsumer<YamlNode, YamlEditor> edit) {
        String text = current(path).orElseThrow(() -> new IllegalStateException("no file " + path + " to edit"));
        YamlFile file = parse(path, text);
        YamlNode doc = file.documents().stream().filter(document).findFirst()
                .orElseThrow(() -> new IllegalStateException("no matching document in " + path));
        YamlEditor editor = new YamlEditor(file);
        edit.accept(doc, editor);
        changed.put(path, Optional.of(editor.apply()));
    }

    void create(String path, String text) {
        changed.put(path, Optional.of(text));
    }

    /** Deletes a file, or every file under a directory. */
    void delete(String pathOrDirectory) {
        if (files.exists(pathOrDirectory)) {
            changed.put(pathOrDirectory, Optional.empty());
        }
        files.under(pathOrDirectory).keySet().forEach(p -> changed.put(p, Optional.empty()));
    }

    Optional<String> current(String path) {
        return changed.containsKey(path) ? changed.get(path) : files.read(path);
    }

    List<FileChange> changes() {
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
