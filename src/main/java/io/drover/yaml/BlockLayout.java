package io.drover.yaml;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Where nodes of one file begin and end, in char offsets and 0-based lines, for edits that cut and insert whole lines. */
final class BlockLayout {

    private final String path;
    private final SourceText source;

    BlockLayout(YamlFile file) {
        this.path = file.path();
        this.source = file.source();
    }

    int start(Node node) {
        return source.offset(node.getStartMark().orElseThrow());
    }

    int end(Node node) {
        return source.offset(node.getEndMark().orElseThrow());
    }

    int line(Node node) {
        return source.lineOf(start(node));
    }

    int column(int offset) {
        return source.column(offset);
    }

    /**
     * Offset just after the node's last character. snakeyaml ends a block collection at the next token,
     * possibly lines further past comments and blank lines, and a block scalar after its trailing blank
     * lines; so a block collection ends where its last descendant does.
     */
    int contentEnd(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalarEnd(scalar);
        }
        if (((CollectionNode<?>) node).getFlowStyle() == FlowStyle.FLOW) {
            return end(node);
        }
        if (node instanceof MappingNode mapping) {
            List<NodeTuple> entries = mapping.getValue();
            return contentEnd(value(entries.get(entries.size() - 1)));
        }
        SequenceNode sequence = (SequenceNode) node;
        return contentEnd(item(sequence, sequence.getValue().size() - 1));
    }

    private int scalarEnd(ScalarNode scalar) {
        int start = start(scalar);
        int end = end(scalar);
        if (scalar.getScalarStyle() == ScalarStyle.LITERAL || scalar.getScalarStyle() == ScalarStyle.FOLDED) {
            while (end > start && Character.isWhitespace(source.text().charAt(end - 1))) {
                end--;
            }
        }
        return end;
    }

    /** The last line holding the node's content. An empty value has no characters; it sits after its ':' or '-'. */
    int lastLine(Node node) {
        return source.lineOf(Math.max(start(node), contentEnd(node) - 1));
    }

    /** Extends a block's last line over the whole-line comments right after it that are indented deeper than its owner. */
    int ownedEndLine(int lastLine, int ownerColumn) {
        int line = lastLine;
        while (source.hasNewline(line) && source.isCommentLine(line + 1) && source.indentation(line + 1) > ownerColumn) {
            line++;
        }
        return line;
    }

    /**
     * Extends an item's first line up over the whole-line comments right above it at its own
     * indentation (no blank line between): in manifests such a comment names the item below it.
     */
    int ownedStartLine(int firstLine, int ownerColumn) {
        int line = firstLine;
        while (line > 0 && source.isCommentLine(line - 1) && source.indentation(line - 1) == ownerColumn) {
            line--;
        }
        return line;
    }

    /** Offset of the '-' that introduces a block sequence item. */
    int dashOffset(SequenceNode sequence, int index) {
        Node item = item(sequence, index);
        int offset = start(item) - 1;
        while (offset >= 0 && Character.isWhitespace(source.text().charAt(offset))) {
            offset--;
        }
        if (offset < 0 || source.text().charAt(offset) != '-') {
            throw new IllegalArgumentException(where(item) + ": cannot find the '-' of this sequence item");
        }
        return offset;
    }

    /** Where a scalar's own characters begin, after any anchor or tag, which an edit of the value keeps. */
    int valueStart(ScalarNode scalar) {
        String text = source.text();
        int offset = start(scalar);
        int end = end(scalar);
        while (offset < end && (text.charAt(offset) == '&' || text.charAt(offset) == '!')) {
            while (offset < end && !Character.isWhitespace(text.charAt(offset))) {
                offset++;
            }
            while (offset < end && Character.isWhitespace(text.charAt(offset))) {
                offset++;
            }
        }
        return offset;
    }

    /** Lines after the first of a multi-line scalar: a '#' there is content, not a comment. */
    Set<Integer> scalarContinuationLines(Node node) {
        Set<Integer> lines = new TreeSet<>();
        collectScalarContinuationLines(node, lines, Collections.newSetFromMap(new IdentityHashMap<>()));
        return lines;
    }

    private void collectScalarContinuationLines(Node node, Set<Integer> lines, Set<Node> visited) {
        if (!visited.add(node)) {
            return;
        }
        if (node instanceof ScalarNode scalar) {
            for (int line = line(scalar) + 1; line <= lastLine(scalar); line++) {
                lines.add(line);
            }
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple entry : mapping.getValue()) {
                collectScalarContinuationLines(entry.getKeyNode(), lines, visited);
                collectScalarContinuationLines(entry.getValueNode(), lines, visited);
            }
        } else {
            for (Node item : ((SequenceNode) node).getValue()) {
                collectScalarContinuationLines(item, lines, visited);
            }
        }
    }

    /** An entry's value, checked to be where the entry is. */
    Node value(NodeTuple entry) {
        Node value = entry.getValueNode();
        requireInPlace(value, end(entry.getKeyNode()));
        return value;
    }

    /** A sequence item, checked to be where the sequence is. */
    Node item(SequenceNode sequence, int index) {
        List<Node> items = sequence.getValue();
        Node item = items.get(index);
        requireInPlace(item, 1 + (index == 0 ? start(sequence) : start(items.get(index - 1))));
        return item;
    }

    /**
     * An alias is the anchored node itself, with the anchor's marks from earlier in the file; lines
     * computed from it would be the wrong ones (and an alias of an ancestor would never end).
     */
    private void requireInPlace(Node node, int notBefore) {
        if (start(node) < notBefore) {
            throw new IllegalArgumentException(
                    path + ":" + (source.lineOf(notBefore) + 1) + ": cannot edit around a YAML alias (*name)");
        }
    }

    String where(Node node) {
        return path + ":" + (line(node) + 1);
    }
}
