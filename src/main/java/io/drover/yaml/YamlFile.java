package io.drover.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** A YAML file parsed into its documents, with positions. */
public final class YamlFile {

    private final String path;
    private final SourceText source;
    private final List<YamlNode> documents;

    private YamlFile(String path, SourceText source, List<Node> roots) {
        this.path = path;
        this.source = source;
        this.documents = roots.stream().map(root -> new YamlNode(this, root, false)).toList();
    }

    /** All documents of the stream; empty documents (only comments or nothing) are skipped. */
    public static YamlFile parse(String path, String text) throws YamlSyntaxException {
        SourceText source = new SourceText(text);
        List<Node> roots = new ArrayList<>();
        try {
            for (Node root : new Compose(LoadSettings.builder().setLabel(path).build()).composeAllFromString(text)) {
                if (!isEmptyDocument(root, source)) {
                    roots.add(root);
                }
            }
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            throw new YamlSyntaxException(path, mark.map(m -> m.getLine() + 1).orElse(1),
                    mark.map(m -> m.getColumn() + 1).orElse(1), oneLine(e.getProblem()));
        } catch (ReaderException e) {
            int offset = source.offsetOfCodePoint(e.getPosition());
            throw new YamlSyntaxException(path, source.lineOf(offset) + 1, source.column(offset) + 1,
                    String.format("unacceptable code point 0x%X: %s", e.getCodePoint(), oneLine(e.getMessage())));
        } catch (YamlEngineException e) {
            // Only limits (alias count, file size) end up here, and they have no position.
            throw new YamlSyntaxException(path, 1, 1, oneLine(e.getMessage()));
        }
        for (Node root : roots) {
            rejectDuplicateKeys(path, root, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        return new YamlFile(path, source, roots);
    }

    /** A document of only comments composes to a null scalar that covers no text. */
    private static boolean isEmptyDocument(Node root, SourceText source) {
        return root instanceof ScalarNode
                && source.offset(root.getStartMark().orElseThrow()) == source.offset(root.getEndMark().orElseThrow());
    }

    /**
     * The composer keeps duplicate keys; Kubernetes' parser rejects them, and an edit of the first one
     * would not change what the cluster reads.
     */
    private static void rejectDuplicateKeys(String path, Node node, Set<Node> visited) throws YamlSyntaxException {
        if (!visited.add(node)) {
            return;
        }
        if (node instanceof MappingNode mapping) {
            Set<String> keys = new HashSet<>();
            for (NodeTuple entry : mapping.getValue()) {
                if (entry.getKeyNode() instanceof ScalarNode key && !keys.add(key.getValue())) {
                    Mark mark = key.getStartMark().orElseThrow();
                    throw new YamlSyntaxException(path, mark.getLine() + 1, mark.getColumn() + 1,
                            "found duplicate key " + key.getValue());
                }
                rejectDuplicateKeys(path, entry.getValueNode(), visited);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                rejectDuplicateKeys(path, item, visited);
            }
        }
    }

    private static String oneLine(String problem) {
        return problem.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    public String path() {
        return path;
    }

    public String text() {
        return source.text();
    }

    public List<YamlNode> documents() {
        return documents;
    }

    SourceText source() {
        return source;
    }
}
