package io.drover.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Collects minimal text edits against one parsed {@link YamlFile} and applies them together. Every
 * edit replaces a range of the original text, so everything outside the edited lines stays as it was.
 */
public final class YamlEditor {

    private record Edit(int start, int end, String replacement) {
    }

    /** Insertions before a replacement starting at the same offset; otherwise in the order they were asked for. */
    private static final Comparator<Edit> APPLY_ORDER =
            Comparator.comparingInt(Edit::start).thenComparing(edit -> edit.end() > edit.start());

    private final YamlFile file;
    private final SourceText source;
    private final BlockLayout layout;
    private final List<Edit> edits = new ArrayList<>();
    /** Double-quoted scalars replaced by a new double-quoted value, by node: what {@link YamlFile#splice} may apply without a parse. */
    private final Map<Node, String> quotedReplacements = new IdentityHashMap<>();
    /** The nodes from a document down to each node a splice would replace, by identity: all a splice copies. */
    private final Set<Node> splicePath = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** The block sequence an item was removed from (at its index) or appended to (index -1): what {@link YamlFile} may splice alone. */
    private SequenceNode itemSequence;
    private int itemIndex;

    public YamlEditor(YamlFile file) {
        this.file = file;
        this.source = file.source();
        this.layout = new BlockLayout(file);
    }

    /**
     * Replaces only the scalar's characters and keeps its style: double-quoted stays double-quoted,
     * single-quoted stays single-quoted (unless the value needs escapes), plain stays plain unless the
     * plain form would not read back as the same value, then it gets double quotes.
     */
    public YamlEditor replaceScalar(YamlNode scalar, String newValue) {
        requireOwn(scalar);
        if (!(scalar.node() instanceof ScalarNode node)) {
            throw new IllegalArgumentException(where(scalar) + ": expected a scalar, found a " + kind(scalar));
        }
        String replacement = switch (node.getScalarStyle()) {
            case DOUBLE_QUOTED, JSON_SCALAR_STYLE -> YamlScalars.doubleQuoted(newValue);
            case SINGLE_QUOTED -> YamlScalars.singleQuoted(newValue);
            case PLAIN -> plain(node.getValue(), newValue, scalar.inFlow());
            case LITERAL, FOLDED -> throw new IllegalArgumentException(
                    where(scalar) + ": replacing a block scalar (| or >) is not supported");
        };
        int start = layout.valueStart(node);
        int end = layout.end(node);
        // An empty value has no characters of its own; it sits right after its ':', '-' or tag.
        edits.add(new Edit(start, end, start == end ? " " + replacement : replacement));
        if (start != end && replacement.equals("\"" + newValue + "\"")) {
            quotedReplacements.put(node, newValue);
            scalar.addPathTo(splicePath);
        }
        return this;
    }

    /** A plain number or boolean was meant as one ({@code replicas: 3}): a new number or boolean stays plain. */
    private static String plain(String oldValue, String newValue, boolean inFlow) {
        if (YamlScalars.readsAsNumberOrBool(oldValue) && YamlScalars.readsAsNumberOrBool(newValue)) {
            return newValue;
        }
        return YamlScalars.format(newValue, inFlow);
    }

    /**
     * Replaces the value of an existing key with a scalar value; otherwise adds {@code key: value} as a
     * new line after the mapping's last entry, indented like the mapping's keys.
     */
    public YamlEditor putEntry(YamlNode mapping, String key, String value) {
        requireBlock(mapping, mapping.isMapping(), "mapping");
        Optional<NodeTuple> existing = mapping.entry(key);
        if (existing.isPresent()) {
            YamlNode current = mapping.child(existing.get().getValueNode());
            if (!current.isScalar()) {
                throw new IllegalArgumentException(where(current) + ": the value of " + key + " is a " + kind(current)
                        + ", not a scalar; putEntry only replaces scalars");
            }
            return replaceScalar(current, value);
        }
        List<NodeTuple> entries = ((MappingNode) mapping.node()).getValue();
        int keyColumn = layout.column(layout.start(entries.get(0).getKeyNode()));
        int lastLine = layout.ownedEndLine(layout.lastLine(layout.value(entries.get(entries.size() - 1))), keyColumn);
        insertAfter(lastLine, " ".repeat(keyColumn) + YamlScalars.format(key) + ": " + YamlScalars.format(value));
        return this;
    }

    /**
     * Removes the lines of an entry: its key line through the last line of its value, with the
     * whole-line comments after it that are indented deeper than its key. No-op if the key is absent.
     */
    public YamlEditor removeEntry(YamlNode mapping, String key) {
        requireBlock(mapping, mapping.isMapping(), "mapping");
        Optional<NodeTuple> found = mapping.entry(key);
        if (found.isEmpty()) {
            return this;
        }
        NodeTuple entry = found.get();
        int keyStart = layout.start(entry.getKeyNode());
        int keyLine = source.lineOf(keyStart);
        int lastLine = layout.ownedEndLine(layout.lastLine(layout.value(entry)), layout.column(keyStart));
        String beforeKey = source.text().substring(source.lineStart(keyLine), keyStart);
        if (beforeKey.isBlank()) {
            removeLines(keyLine, lastLine);
        } else if (beforeKey.strip().equals("-")) {
            // The first entry of a sequence item shares the item's "- " line: the next entry moves up behind the dash.
            List<NodeTuple> entries = ((MappingNode) mapping.node()).getValue();
            int index = entries.indexOf(entry);
            if (index == entries.size() - 1) {
                throw new IllegalArgumentException(where(mapping) + ": " + key
                        + " is the only entry of a sequence item; remove the item instead");
            }
            edits.add(new Edit(keyStart, layout.start(entries.get(index + 1).getKeyNode()), ""));
        } else {
            throw new IllegalArgumentException(where(mapping) + ": cannot remove " + key
                    + ", its line starts with other content");
        }
        return this;
    }

    /**
     * Removes the lines of a block sequence item: its dash line through its last line, with the
     * whole-line comments right above it at its dash's indentation and those after it that are
     * indented deeper than its dash.
     */
    public YamlEditor removeItem(YamlNode sequence, int index) {
        requireBlock(sequence, sequence.isSequence(), "sequence");
        SequenceNode node = (SequenceNode) sequence.node();
        Objects.checkIndex(index, node.getValue().size());
        int dash = layout.dashOffset(node, index);
        int dashLine = source.lineOf(dash);
        if (!source.text().substring(source.lineStart(dashLine), dash).isBlank()) {
            throw new IllegalArgumentException(where(sequence) + ": cannot remove item " + index
                    + ", its line starts with other content");
        }
        int lastLine = layout.ownedEndLine(layout.lastLine(layout.item(node, index)), layout.column(dash));
        removeLines(layout.ownedStartLine(dashLine, layout.column(dash)), lastLine);
        itemSequence = node;
        itemIndex = index;
        sequence.addPathTo(splicePath);
        return this;
    }

    /**
     * Adds a block sequence item after the last one. {@code itemYaml} is the item's content as block
     * YAML without the leading "- " and without indentation; it gets the dash indentation of the
     * sequence, and its following lines are aligned under its first.
     */
    public YamlEditor appendItem(YamlNode sequence, String itemYaml) {
        requireBlock(sequence, sequence.isSequence(), "sequence");
        SequenceNode node = (SequenceNode) sequence.node();
        int last = node.getValue().size() - 1;
        int dashColumn = layout.column(layout.dashOffset(node, 0));
        int lastLine = layout.ownedEndLine(layout.lastLine(layout.item(node, last)), dashColumn);
        String indent = " ".repeat(dashColumn);
        String[] lines = itemYaml.stripTrailing().split("\n", -1);
        StringJoiner item = new StringJoiner("\n");
        item.add(indent + "- " + lines[0]);
        for (int i = 1; i < lines.length; i++) {
            item.add(lines[i].isBlank() ? "" : indent + "  " + lines[i]);
        }
        insertAfter(lastLine, item.toString());
        itemSequence = node;
        itemIndex = -1;
        sequence.addPathTo(splicePath);
        return this;
    }

    /**
     * The source text of an item in the form {@link #appendItem} takes (dash removed, dedented), without
     * whole-line comments, so that {@code appendItem(seq, itemSource(seq, i))} appends a copy.
     */
    public String itemSource(YamlNode sequence, int index) {
        requireBlock(sequence, sequence.isSequence(), "sequence");
        SequenceNode node = (SequenceNode) sequence.node();
        Objects.checkIndex(index, node.getValue().size());
        Node item = layout.item(node, index);
        int start = layout.start(item);
        int firstLine = source.lineOf(start);
        int column = layout.column(start);
        Set<Integer> scalarLines = layout.scalarContinuationLines(item);
        int lastLine = layout.lastLine(item);
        StringJoiner text = new StringJoiner("\n");
        text.add(source.text().substring(start, source.lineEnd(firstLine)));
        for (int line = firstLine + 1; line <= lastLine; line++) {
            if (scalarLines.contains(line) || !source.isCommentLine(line)) {
                text.add(source.line(line).substring(Math.min(column, source.indentation(line))));
            }
        }
        return text.toString();
    }

    /** The new text. Fails with IllegalStateException if two edits overlap or the result is not YAML. */
    public String apply() {
        List<Edit> ordered = new ArrayList<>(edits);
        ordered.sort(APPLY_ORDER);
        String text = source.text();
        StringBuilder result = new StringBuilder(text.length());
        int copied = 0;
        for (Edit edit : ordered) {
            if (edit.start() < copied) {
                throw new IllegalStateException(file.path() + ":" + (source.lineOf(edit.start()) + 1)
                        + ": overlapping edits");
            }
            result.append(text, copied, edit.start()).append(edit.replacement());
            copied = edit.end();
        }
        result.append(text, copied, text.length());
        String edited = result.toString();
        if (quotedReplacements.size() == edits.size()
                && YamlFile.splice(file, edited, quotedReplacements, splicePath).isPresent()) {
            // The new text is the old one with quoted digits replaced by quoted digits: no token changed.
            return edited;
        }
        if (edits.size() == 1 && itemSequence != null && spliceItem(edited, edits.get(0))) {
            // The new text is the old one with one record added or removed: only an added one is parsed.
            return edited;
        }
        try {
            YamlFile.parse(file.path(), edited);
        } catch (YamlSyntaxException e) {
            throw new IllegalStateException("edits of " + file.path() + " broke its YAML: " + e.getMessage(), e);
        }
        return edited;
    }

    private boolean spliceItem(String edited, Edit edit) {
        return itemIndex < 0
                ? YamlFile.spliceAppend(file, edited, itemSequence, edit.start(), edit.replacement(), splicePath).isPresent()
                : YamlFile.spliceRemoval(file, edited, itemSequence, itemIndex, edit.start(), edit.end(), splicePath).isPresent();
    }

    private void insertAfter(int line, String lines) {
        int at = source.nextLineStart(line);
        edits.add(new Edit(at, at, source.hasNewline(line) ? lines + "\n" : "\n" + lines));
    }

    private void removeLines(int first, int last) {
        int from = source.lineStart(first);
        int to = source.nextLineStart(last);
        if (!source.hasNewline(last) && first > 0) {
            // The file ends without a newline: take the one before, so the new last line also ends without one.
            from--;
        }
        edits.add(new Edit(from, to, ""));
    }

    private void requireOwn(YamlNode node) {
        if (node.file() != file) {
            throw new IllegalArgumentException(
                    "a node of " + node.file().path() + " cannot be edited through the editor of " + file.path());
        }
    }

    private void requireBlock(YamlNode node, boolean expectedKind, String kind) {
        requireOwn(node);
        if (!expectedKind) {
            throw new IllegalArgumentException(where(node) + ": expected a " + kind + ", found a " + kind(node));
        }
        if (node.isFlow()) {
            throw new IllegalArgumentException(where(node) + ": the " + kind
                    + " is in flow style ({...} or [...]); this edit needs block style");
        }
    }

    private String where(YamlNode node) {
        return file.path() + ":" + node.line();
    }

    private static String kind(YamlNode node) {
        return node.isMapping() ? "mapping" : node.isSequence() ? "sequence" : "scalar";
    }
}
