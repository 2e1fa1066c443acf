package io.drover.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A node tree with some nodes replaced, sharing every subtree that holds none of them: the parse
 * it is copied from stays as it was (another state's file may still use it).
 */
final class NodeCopies {

    private NodeCopies() {
    }

    /**
     * The tree of {@code node} with each key of {@code replaced} (by identity) swapped for its value,
     * looking only into the nodes of {@code path} (by identity): those on the way from the root to
     * each replaced node. A splice of a file of thousands of records copies the few nodes above the
     * edited ones and leaves the rest of the tree unvisited.
     */
    static Node withReplaced(Node node, Map<Node, Node> replaced, Set<Node> path) {
        Node replacement = replaced.get(node);
        if (replacement != null) {
            return replacement;
        }
        if (!path.contains(node)) {
            return node;
        }
        if (node instanceof MappingNode mapping) {
            List<NodeTuple> entries = mapping.getValue();
            List<NodeTuple> copied = null;
            for (int i = 0; i < entries.size(); i++) {
                NodeTuple entry = entries.get(i);
                Node key = withReplaced(entry.getKeyNode(), replaced, path);
                Node value = withReplaced(entry.getValueNode(), replaced, path);
                if (copied == null && (key != entry.getKeyNode() || value != entry.getValueNode())) {
                    copied = new ArrayList<>(entries.subList(0, i));
                }
                if (copied != null) {
                    copied.add(key == entry.getKeyNode() && value == entry.getValueNode() ? entry : new NodeTuple(key, value));
                }
            }
            if (copied == null) {
                return node;
            }
            MappingNode copy = new MappingNode(mapping.getTag(), mapping.isResolved(), copied, mapping.getFlowStyle(),
                    mapping.getStartMark(), mapping.getEndMark());
            copy.setHasMergeTag(mapping.hasMergeTag());
            return withProperties(mapping, copy);
        }
        if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            List<Node> copied = null;
            for (int i = 0; i < items.size(); i++) {
                Node item = withReplaced(items.get(i), replaced, path);
                if (copied == null && item != items.get(i)) {
                    copied = new ArrayList<>(items.subList(0, i));
                }
                if (copied != null) {
                    copied.add(item);
                }
            }
            if (copied == null) {
                return node;
            }
            return withProperties(sequence, new SequenceNode(sequence.getTag(), sequence.isResolved(), copied,
                    sequence.getFlowStyle(), sequence.getStartMark(), sequence.getEndMark()));
        }
        return node;
    }

    /** A copy of a tree parsed alone whose positions are moved on by {@code first}: the range {@link Splices} gave it. */
    static Node moved(Node node, String path, int first) {
        Optional<Mark> start = Optional.of(moved(node.getStartMark().orElseThrow(), path, first));
        Optional<Mark> end = Optional.of(moved(node.getEndMark().orElseThrow(), path, first));
        if (node instanceof ScalarNode scalar) {
            return withProperties(node, new ScalarNode(scalar.getTag(), scalar.isResolved(), scalar.getValue(),
                    scalar.getScalarStyle(), start, end));
        }
        if (node instanceof MappingNode mapping) {
            List<NodeTuple> entries = new ArrayList<>();
            for (NodeTuple entry : mapping.getValue()) {
                entries.add(new NodeTuple(moved(entry.getKeyNode(), path, first), moved(entry.getValueNode(), path, first)));
            }
            MappingNode copy = new MappingNode(mapping.getTag(), mapping.isResolved(), entries, mapping.getFlowStyle(), start, end);
            copy.setHasMergeTag(mapping.hasMergeTag());
            return withProperties(mapping, copy);
        }
        SequenceNode sequence = (SequenceNode) node;
        List<Node> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            items.add(moved(item, path, first));
        }
        return withProperties(sequence, new SequenceNode(sequence.getTag(), sequence.isResolved(), items,
                sequence.getFlowStyle(), start, end));
    }

    /** Only a mark's index is read ({@link SourceText#offset}); its line and column are those of the text parsed alone. */
    static Mark moved(Mark mark, String path, int first) {
        return new Mark(path, first + mark.getIndex(), mark.getLine(), mark.getColumn(), new int[0], 0);
    }

    static Node withProperties(Node from, Node to) {
        to.setAnchor(from.getAnchor());
        to.setRecursive(from.isRecursive());
        to.setBlockComments(from.getBlockComments());
        to.setInLineComments(from.getInLineComments());
        to.setEndComments(from.getEndComments());
        return to;
    }
}
