package io.drover.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** A read-only view of one node, 1-based lines. */
public final class YamlNode {

    private final YamlFile file;
    private final Node node;
    /** Inside a flow collection a plain scalar must also avoid ',', '[', ']', '{' and '}'. */
    private final boolean inFlow;
    /** The view this one was reached from; null for a document. */
    private final YamlNode parent;

    YamlNode(YamlFile file, Node node, boolean inFlow) {
        this(file, node, inFlow, null);
    }

    private YamlNode(YamlFile file, Node node, boolean inFlow, YamlNode parent) {
        this.file = file;
        this.node = node;
        this.inFlow = inFlow;
        this.parent = parent;
    }

    /** Adds this node and the nodes it was reached through, up to its document, to {@code path}. */
    void addPathTo(java.util.Set<Node> path) {
        for (YamlNode at = this; at != null; at = at.parent) {
            path.add(at.node);
        }
    }

    /**
     * Whether both are views of one parsed node: a node is never changed once parsed, and a splice
     * ({@link YamlFile#splice}) hands the new file every node it did not edit, so such a node means
     * in the new file what it meant in the old one.
     */
    public boolean isSameNode(YamlNode other) {
        return node == other.node;
    }

    /** Line where the node starts. */
    public int line() {
        return lineOf(node);
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    public boolean isSequence() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** Mapping lookup by scalar key; empty if this is not a mapping or the key is absent. */
    public Optional<YamlNode> get(String key) {
        return entry(key).map(entry -> child(entry.getValueNode()));
    }

    /** Nested {@link #get}; no keys is this node. */
    public Optional<YamlNode> at(String... keys) {
        Optional<YamlNode> current = Optional.of(this);
        for (String key : keys) {
            current = current.flatMap(node -> node.get(key));
        }
        return current;
    }

    /** The scalar value at the nested path; empty if absent or not a scalar. */
    public Optional<String> text(String... keys) {
        return at(keys).filter(YamlNode::isScalar).map(YamlNode::scalar);
    }

    /** The value of a scalar as read (quotes and escapes resolved); an empty value ({@code key:}) is "". */
    public String scalar() {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw new IllegalStateException(file.path() + ":" + line() + ": not a scalar");
    }

    /**
     * An unquoted scalar that YAML reads as a number or a boolean ({@code 1200}, {@code true}), where
     * Kubernetes wants a string for a label or an annotation.
     */
    public boolean readsAsNumberOrBoolean() {
        return node instanceof ScalarNode scalar && scalar.getScalarStyle() == ScalarStyle.PLAIN
                && YamlScalars.readsAsNumberOrBool(scalar.getValue());
    }

    /** An unquoted scalar that YAML reads as null: an empty value, {@code ~} or {@code null}. */
    public boolean isNull() {
        return node instanceof ScalarNode scalar && scalar.getScalarStyle() == ScalarStyle.PLAIN
                && YamlScalars.readsAsNull(scalar.getValue());
    }

    /** Sequence items; empty if this is not a sequence. */
    public List<YamlNode> items() {
        if (node instanceof SequenceNode sequence) {
            List<Node> values = sequence.getValue();
            YamlNode[] children = new YamlNode[values.size()];
            for (int i = 0; i < children.length; i++) {
                children[i] = child(values.get(i));
            }
            return List.of(children);
        }
        return List.of();
    }

    /** How many items this sequence has; 0 if this is not a sequence. */
    public int itemCount() {
        return node instanceof SequenceNode sequence ? sequence.getValue().size() : 0;
    }

    /** Item {@code index} of this sequence, without a view of every item made as {@link #items} does. */
    public YamlNode item(int index) {
        if (node instanceof SequenceNode sequence) {
            return child(sequence.getValue().get(index));
        }
        throw new IllegalStateException(file.path() + ":" + line() + ": not a sequence");
    }

    /**
     * Whether item {@code index} of this sequence and item {@code otherIndex} of {@code other} are
     * one parsed node ({@link #isSameNode}), without a view of either made: a read compares the
     * thousands of records of two states of a traffic file this way.
     */
    public boolean isSameItem(int index, YamlNode other, int otherIndex) {
        return node instanceof SequenceNode sequence && other.node instanceof SequenceNode otherSequence
                && sequence.getValue().get(index) == otherSequence.getValue().get(otherIndex);
    }

    /** Mapping entries with scalar keys, in source order; empty if this is not a mapping. */
    public Map<String, YamlNode> entries() {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        if (node instanceof MappingNode mapping) {
            for (NodeTuple entry : mapping.getValue()) {
                if (entry.getKeyNode() instanceof ScalarNode key) {
                    entries.put(key.getValue(), child(entry.getValueNode()));
                }
            }
        }
        return Collections.unmodifiableMap(entries);
    }

    /** Line of the key of an entry; -1 if absent. */
    public int keyLine(String key) {
        return entry(key).map(entry -> lineOf(entry.getKeyNode())).orElse(-1);
    }

    /**
     * The line of the deepest key of a path that exists: the line of the whole path when it is
     * there, else the nearest place to add what is missing. A problem report points there.
     */
    public int nearestLine(String... keys) {
        YamlNode current = this;
        int line = line();
        for (String key : keys) {
            int keyLine = current.keyLine(key);
            Optional<YamlNode> next = current.get(key);
            if (keyLine < 0 || next.isEmpty()) {
                return line;
            }
            line = keyLine;
            current = next.get();
        }
        return line;
    }

    @Override
    public String toString() {
        return file.path() + ":" + line() + " " + node.getNodeType().name().toLowerCase();
    }

    Optional<NodeTuple> entry(String key) {
        // A plain loop: a fleet read looks keys up in every record of every file, thousands per state.
        if (node instanceof MappingNode mapping) {
            for (NodeTuple entry : mapping.getValue()) {
                if (entry.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                    return Optional.of(entry);
                }
            }
        }
        return Optional.empty();
    }

    YamlNode child(Node child) {
        return new YamlNode(file, child, inFlow || isFlow(), this);
    }

    YamlFile file() {
        return file;
    }

    Node node() {
        return node;
    }

    boolean inFlow() {
        return inFlow;
    }

    boolean isFlow() {
        return node instanceof CollectionNode<?> collection && collection.getFlowStyle() == FlowStyle.FLOW;
    }

    private int lineOf(Node target) {
        SourceText source = file.source();
        return source.lineOf(source.offset(target.getStartMark().orElseThrow())) + 1;
    }
}
