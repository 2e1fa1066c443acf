package io.drover.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.Schema;

/** A YAML file parsed into its documents, with positions. */
public final class YamlFile {

    private static final RecentParses RECENT = new RecentParses();
    private static final Schema DEFAULT_SCHEMA = LoadSettings.builder().build().getSchema();

    /** Most mappings of a manifest have a handful of keys: comparing them is cheaper than hashing them. */
    private static final int SMALL_MAPPING = 8;

    /** A double-quoted scalar of digits, as the file has it and as {@link YamlScalars#doubleQuoted} writes one. */
    private static final Pattern QUOTED_DIGITS = Pattern.compile("\"[0-9]{1,9}\"");

    /**
     * A file is parsed afresh after this many cuts in its positions, so that they stay cheap to map
     * (a binary search, and an array copy per splice). A parse of a 5,000-cluster traffic file costs
     * as much as hundreds of splices: at 64, the parses made a tenth of a step's cost.
     */
    private static final int MAX_SPLICES = 1024;

    /** Off only in a test that compares plans made with splices with plans made from whole parses. */
    static volatile boolean splicing = true;
    /** Files made by {@link #splice} so far: tests check that what they compare was spliced. */
    static final AtomicLong SPLICED = new AtomicLong();

    private final String path;
    private final SourceText source;
    private final List<Node> roots;
    private final List<YamlNode> documents;
    /** Whether the text has an alias: then a node may be reached twice, and no scalar is replaced in place. */
    private final boolean hasAlias;

    private YamlFile(String path, SourceText source, List<Node> roots, boolean hasAlias) {
        this.path = path;
        this.source = source;
        this.roots = List.copyOf(roots);
        this.documents = roots.stream().map(root -> new YamlNode(this, root, false)).toList();
        this.hasAlias = hasAlias;
    }

    /** All documents of the stream; empty documents (only comments or nothing) are skipped. */
    public static YamlFile parse(String path, String text) throws YamlSyntaxException {
        if (text.length() < RecentParses.MIN_CHARS) {
            return parseNow(path, text);
        }
        Optional<YamlFile> recent = RECENT.get(path, text);
        if (recent.isPresent()) {
            return recent.get();
        }
        YamlFile file = parseNow(path, text);
        RECENT.put(file);
        return file;
    }

    private static YamlFile parseNow(String path, String text) throws YamlSyntaxException {
        SourceText source = new SourceText(text);
        rejectOversized(path, text, source);
        LoadSettings settings = LoadSettings.builder().setLabel(path).setSchema(new ResolvedOnceSchema(DEFAULT_SCHEMA))
                .setCodePointLimit(YamlLimits.MAX_CODE_POINTS)
                .setMaxAliasesForCollections(YamlLimits.MAX_COLLECTION_ALIASES)
                .build();
        LimitedParser parser = new LimitedParser(new ParserImpl(settings, new StreamReader(settings, text)));
        List<Node> roots = new ArrayList<>();
        try {
            Composer composer = new Composer(settings, parser);
            while (composer.hasNext()) {
                Node root = composer.next();
                if (!isEmptyDocument(root, source)) {
                    roots.add(root);
                }
            }
        } catch (LimitedParser.LimitExceeded e) {
            Mark mark = e.mark.or(parser::lastMark).orElseThrow();
            throw YamlSyntaxException.limit(path, mark.getLine() + 1, mark.getColumn() + 1, e.getMessage(), e.fix);
        } catch (MarkedYamlEngineException e) {
            throw syntaxError(path, e, parser.lastEvent());
        } catch (ReaderException e) {
            int offset = source.offsetOfCodePoint(e.getPosition());
            throw new YamlSyntaxException(path, source.lineOf(offset) + 1, source.column(offset) + 1,
                    String.format("unacceptable code point 0x%X: %s", e.getCodePoint(), oneLine(e.getMessage())));
        } catch (YamlEngineException e) {
            Optional<Mark> mark = parser.lastMark();
            throw new YamlSyntaxException(path, mark.map(m -> m.getLine() + 1).orElse(1),
                    mark.map(m -> m.getColumn() + 1).orElse(1), oneLine(e.getMessage()));
        }
        for (Node root : roots) {
            // Only an alias makes a node reachable twice; without one, the walk needs no record of where it has been.
            rejectDuplicateKeys(path, root, parser.sawAlias() ? Collections.newSetFromMap(new IdentityHashMap<>()) : null);
        }
        return new YamlFile(path, source, roots, parser.sawAlias());
    }

    /** Forgets the files kept from recent parses and splices: for tests. */
    static void forgetRecent() {
        RECENT.clear();
    }

    /** A parse of the whole text, never one kept from before: what a spliced file must equal. */
    static YamlFile parseAfresh(String path, String text) throws YamlSyntaxException {
        return parseNow(path, text);
    }

    /**
     * The file with double-quoted scalars of digits replaced by other digits, without parsing the new
     * text: such a replacement changes no token but the scalar's own value, so the parse of the new
     * text is this one with those scalars' values replaced and every position after them moved by the
     * characters they gained or lost (lines stay, no line break is touched). Empty when a replacement
     * is not of that kind, the file is small (parsed quickly anyway) or has an alias, or the file
     * has been spliced {@link #MAX_SPLICES} times: then the caller parses the new text.
     * {@code ScalarSpliceTest} compares the result with a parse of the whole new text.
     */
    static Optional<YamlFile> splice(YamlFile file, String newText, Map<Node, String> replacements, Set<Node> path) {
        if (!splicing || newText.length() < RecentParses.MIN_CHARS || file.hasAlias || !file.source.singleChars()
                || file.source.splices().count() + replacements.size() > MAX_SPLICES || replacements.isEmpty()) {
            return Optional.empty();
        }
        Splices splices = file.source.splices();
        Map<Node, Node> replaced = new IdentityHashMap<>();
        int grown = 0;
        int from = Integer.MAX_VALUE;
        int to = 0;
        for (Map.Entry<Node, String> replacement : replacements.entrySet()) {
            if (!(replacement.getKey() instanceof ScalarNode old) || !isQuotedDigits(file, old)
                    || !QUOTED_DIGITS.matcher("\"" + replacement.getValue() + "\"").matches()) {
                return Optional.empty();
            }
            int end = old.getEndMark().orElseThrow().getIndex();
            from = Math.min(from, file.source.offset(old.getStartMark().orElseThrow()));
            to = Math.max(to, file.source.offset(old.getEndMark().orElseThrow()));
            int shift = replacement.getValue().length() - old.getValue().length();
            splices = splices.with(end, shift);
            grown += shift;
            ScalarNode scalar = new ScalarNode(old.getTag(), old.isResolved(), replacement.getValue(),
                    ScalarStyle.DOUBLE_QUOTED, old.getStartMark(), old.getEndMark());
            replaced.put(old, scalar);
        }
        // The text must be the old one with exactly these scalars replaced where their marks say.
        for (Map.Entry<Node, Node> scalar : replaced.entrySet()) {
            int start = splices.translate(scalar.getKey().getStartMark().orElseThrow().getIndex());
            if (!newText.startsWith("\"" + ((ScalarNode) scalar.getValue()).getValue() + "\"", start)) {
                return Optional.empty();
            }
        }
        if (file.text().length() + grown != newText.length()) {
            return Optional.empty();
        }
        List<Node> roots = new ArrayList<>();
        for (Node root : file.roots) {
            roots.add(NodeCopies.withReplaced(root, replaced, path));
        }
        YamlFile spliced = new YamlFile(file.path, file.source.spliced(newText, splices, from, to, to + grown), roots, false);
        RECENT.put(spliced);
        SPLICED.incrementAndGet();
        return Optional.of(spliced);
    }

    /**
     * The file with item {@code index} of a block sequence removed, the characters from {@code from}
     * to {@code to} of its text, without parsing the new text: every other node is shared, those
     * after the cut move back by its length. The item before it now ends where the removed one did
     * (a block collection ends at the next token), and a sequence that lost its first item starts
     * there too. Empty when the items are not block mappings, the sequence would be left empty, or
     * the file is not one {@link #splice} takes: then the caller parses the new text.
     */
    static Optional<YamlFile> spliceRemoval(YamlFile file, String newText, SequenceNode sequence, int index, int from, int to,
            Set<Node> path) {
        List<Node> items = sequence.getValue();
        String text = file.text();
        if (!spliceable(file, newText, sequence, 1) || items.size() < 2 || !isBlockMapping(items.get(index))
                || (index > 0 && !isBlockMapping(items.get(index - 1)))
                || newText.length() != text.length() - (to - from)
                || !newText.regionMatches(0, text, 0, from) || !newText.regionMatches(from, text, to, text.length() - to)) {
            return Optional.empty();
        }
        Node removed = items.get(index);
        Mark removedEnd = removed.getEndMark().orElseThrow();
        BlockLayout layout = new BlockLayout(file);
        if (layout.start(removed) < from || layout.end(removed) < to
                || (index > 0 && layout.contentEnd(items.get(index - 1)) > from)) {
            return Optional.empty();
        }
        List<Node> kept = new ArrayList<>(items);
        kept.remove(index);
        if (index > 0) {
            Node before = reEnded(items.get(index - 1), removedEnd);
            if (before == null) {
                return Optional.empty();
            }
            kept.set(index - 1, before);
        }
        Mark start = index == 0 ? removedEnd : sequence.getStartMark().orElseThrow();
        return Optional.of(spliced(file, newText, file.source.splices().removed(from, to - from), from, to, from, sequence, kept,
                start, path));
    }

    /**
     * The file with a block sequence item appended, {@code inserted} put in at {@code at} after the
     * last item, parsing only that text: its nodes get positions of their own ({@link Splices}),
     * everything after it moves on by its length. The last item before now ends at the new item's
     * dash, and the new one where the sequence ends. Empty when the item is not a plain block
     * mapping (an alias, an anchor, a block scalar, a problem a parse reports), or the file is not
     * one {@link #splice} takes: then the caller parses the new text, which reports any problem at
     * its line.
     */
    static Optional<YamlFile> spliceAppend(YamlFile file, String newText, SequenceNode sequence, int at, String inserted,
            Set<Node> path) {
        List<Node> items = sequence.getValue();
        String text = file.text();
        if (!spliceable(file, newText, sequence, 2) || !isBlockMapping(items.get(items.size() - 1))
                || inserted.codePointCount(0, inserted.length()) != inserted.length()
                || newText.length() != text.length() + inserted.length() || !newText.startsWith(inserted, at)
                || !newText.regionMatches(0, text, 0, at) || !newText.regionMatches(at + inserted.length(), text, at, text.length() - at)) {
            return Optional.empty();
        }
        BlockLayout layout = new BlockLayout(file);
        if (layout.contentEnd(items.get(items.size() - 1)) > at || layout.end(sequence) < at) {
            return Optional.empty();
        }
        YamlFile item;
        try {
            item = parseNow(file.path, inserted);
        } catch (YamlSyntaxException e) {
            return Optional.empty();
        }
        if (item.hasAlias || item.roots.size() != 1 || !(item.roots.get(0) instanceof SequenceNode alone)
                || alone.getFlowStyle() != FlowStyle.BLOCK || alone.getValue().size() != 1
                || !isBlockMapping(alone.getValue().get(0)) || !plainBlock(alone)) {
            return Optional.empty();
        }
        Splices splices = file.source.splices();
        int first = splices.nextRange();
        Node added = reEnded(NodeCopies.moved(alone.getValue().get(0), file.path, first), sequence.getEndMark().orElseThrow());
        Node last = reEnded(items.get(items.size() - 1), NodeCopies.moved(alone.getStartMark().orElseThrow(), file.path, first));
        if (added == null || last == null) {
            return Optional.empty();
        }
        List<Node> grown = new ArrayList<>(items);
        grown.set(items.size() - 1, last);
        grown.add(added);
        return Optional.of(spliced(file, newText, splices.inserted(at, inserted.length()), at, at, at + inserted.length(), sequence, grown,
                sequence.getStartMark().orElseThrow(), path));
    }

    private static boolean spliceable(YamlFile file, String newText, SequenceNode sequence, int cuts) {
        return splicing && newText.length() >= RecentParses.MIN_CHARS && newText.length() <= YamlLimits.MAX_CODE_POINTS
                && !file.hasAlias && file.source.singleChars() && file.source.splices().count() + cuts <= MAX_SPLICES
                && sequence.getFlowStyle() == FlowStyle.BLOCK && sequence.getAnchor().isEmpty();
    }

    private static YamlFile spliced(YamlFile file, String newText, Splices splices, int from, int oldTo, int newTo,
            SequenceNode sequence, List<Node> items, Mark start, Set<Node> path) {
        SequenceNode copy = new SequenceNode(sequence.getTag(), sequence.isResolved(), items, FlowStyle.BLOCK,
                Optional.of(start), sequence.getEndMark());
        Map<Node, Node> replaced = new IdentityHashMap<>();
        replaced.put(sequence, copy);
        List<Node> roots = new ArrayList<>();
        for (Node root : file.roots) {
            roots.add(NodeCopies.withReplaced(root, replaced, path));
        }
        YamlFile result = new YamlFile(file.path, file.source.spliced(newText, splices, from, oldTo, newTo), roots, false);
        RECENT.put(result);
        SPLICED.incrementAndGet();
        return result;
    }

    private static boolean isBlockMapping(Node node) {
        return node instanceof MappingNode mapping && mapping.getFlowStyle() == FlowStyle.BLOCK && mapping.getAnchor().isEmpty();
    }

    /** No anchor and no block scalar (whose indentation a parse of the item alone might read otherwise). */
    private static boolean plainBlock(Node node) {
        if (node.getAnchor().isPresent()) {
            return false;
        }
        if (node instanceof ScalarNode scalar) {
            return scalar.getScalarStyle() != ScalarStyle.LITERAL && scalar.getScalarStyle() != ScalarStyle.FOLDED;
        }
        if (node instanceof MappingNode mapping) {
            return !mapping.hasMergeTag() && mapping.getValue().stream()
                    .allMatch(entry -> plainBlock(entry.getKeyNode()) && plainBlock(entry.getValueNode()));
        }
        return ((SequenceNode) node).getValue().stream().allMatch(YamlFile::plainBlock);
    }

    /**
     * The block collection with {@code end} as its end, and so each last child that ended where it
     * did: a block collection ends at the token after it, which an edit after it changed. Null when
     * one of those is not a block collection (a scalar or flow collection ends at its own text).
     */
    private static Node reEnded(Node node, Mark end) {
        int oldEnd = node.getEndMark().orElseThrow().getIndex();
        if (node instanceof MappingNode mapping && mapping.getFlowStyle() == FlowStyle.BLOCK) {
            List<NodeTuple> entries = new ArrayList<>(mapping.getValue());
            NodeTuple lastEntry = entries.get(entries.size() - 1);
            Node value = lastEntry.getValueNode();
            if (value.getEndMark().orElseThrow().getIndex() == oldEnd) {
                value = reEnded(value, end);
                if (value == null) {
                    return null;
                }
                entries.set(entries.size() - 1, new NodeTuple(lastEntry.getKeyNode(), value));
            }
            MappingNode copy = new MappingNode(mapping.getTag(), mapping.isResolved(), entries, FlowStyle.BLOCK,
                    mapping.getStartMark(), Optional.of(end));
            copy.setHasMergeTag(mapping.hasMergeTag());
            return NodeCopies.withProperties(mapping, copy);
        }
        if (node instanceof SequenceNode sequence && sequence.getFlowStyle() == FlowStyle.BLOCK && !sequence.getValue().isEmpty()) {
            List<Node> items = new ArrayList<>(sequence.getValue());
            Node item = items.get(items.size() - 1);
            if (item.getEndMark().orElseThrow().getIndex() == oldEnd) {
                item = reEnded(item, end);
                if (item == null) {
                    return null;
                }
                items.set(items.size() - 1, item);
            }
            return NodeCopies.withProperties(sequence, new SequenceNode(sequence.getTag(), sequence.isResolved(), items,
                    FlowStyle.BLOCK, sequence.getStartMark(), Optional.of(end)));
        }
        return null;
    }

    /** A plain string in double quotes, of digits only, with nothing else between its marks. */
    private static boolean isQuotedDigits(YamlFile file, ScalarNode node) {
        if (node.getScalarStyle() != ScalarStyle.DOUBLE_QUOTED || node.getAnchor().isPresent()
                || !Tag.STR.equals(node.getTag())) {
            return false;
        }
        int start = file.source.offset(node.getStartMark().orElseThrow());
        int end = file.source.offset(node.getEndMark().orElseThrow());
        String source = file.text().substring(start, end);
        return QUOTED_DIGITS.matcher(source).matches() && source.equals("\"" + node.getValue() + "\"");
    }

    private static void rejectOversized(String path, String text, SourceText source) throws YamlSyntaxException {
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints > YamlLimits.MAX_CODE_POINTS) {
            int offset = source.offsetOfCodePoint(YamlLimits.MAX_CODE_POINTS);
            throw YamlSyntaxException.limit(path, source.lineOf(offset) + 1, source.column(offset) + 1,
                    "the file has " + codePoints + " characters; Drover reads at most " + YamlLimits.MAX_CODE_POINTS
                            + " (3 MiB) per file, and this line crosses that",
                    "split the file, or move what Drover does not read out of the fleet repository");
        }
    }

    /**
     * An unclosed quote or bracket is only noticed where the text runs out or breaks, often many
     * lines later; the user needs the line where it opens. The exception names it as its context
     * when the file ends inside it. A quote missing its end usually closes at the next quote instead,
     * lines below, and the text breaks right after: then the quoted value read last spans the lines.
     */
    private static YamlSyntaxException syntaxError(String path, MarkedYamlEngineException e, Optional<Event> last) {
        String context = e.getContext() == null ? "" : e.getContext();
        boolean unclosed = context.startsWith("while scanning a quoted scalar")
                || context.startsWith("while parsing a flow sequence") || context.startsWith("while parsing a flow mapping");
        Optional<Mark> problemMark = e.getProblemMark();
        String breaks = oneLine(e.getProblem()) + problemMark.map(m -> " at line " + (m.getLine() + 1)).orElse("");
        if (unclosed && e.getContextMark().isPresent()) {
            Mark opens = e.getContextMark().get();
            String what = context.startsWith("while scanning a quoted scalar") ? "the quoted value that opens here"
                    : "the " + context.substring("while parsing a ".length()) + " that opens here";
            return new YamlSyntaxException(path, opens.getLine() + 1, opens.getColumn() + 1, what + " is not closed: " + breaks);
        }
        Optional<ScalarEvent> quoted = last.filter(ScalarEvent.class::isInstance).map(ScalarEvent.class::cast)
                .filter(s -> s.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED || s.getScalarStyle() == ScalarStyle.SINGLE_QUOTED)
                .filter(s -> s.getStartMark().isPresent() && s.getEndMark().isPresent() && problemMark.isPresent()
                        && s.getStartMark().get().getLine() < s.getEndMark().get().getLine()
                        && s.getEndMark().get().getLine() == problemMark.get().getLine());
        if (quoted.isPresent()) {
            Mark opens = quoted.get().getStartMark().get();
            return new YamlSyntaxException(path, opens.getLine() + 1, opens.getColumn() + 1, "the quoted value that opens"
                    + " here runs on to line " + (problemMark.get().getLine() + 1) + ", where the text breaks ("
                    + oneLine(e.getProblem()) + "): is its closing quote missing?");
        }
        Optional<Mark> mark = problemMark.or(e::getContextMark);
        return new YamlSyntaxException(path, mark.map(m -> m.getLine() + 1).orElse(1),
                mark.map(m -> m.getColumn() + 1).orElse(1), oneLine(e.getProblem()));
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
        if (visited != null && !visited.add(node)) {
            return;
        }
        if (node instanceof MappingNode mapping) {
            List<NodeTuple> entries = mapping.getValue();
            Set<String> keys = entries.size() > SMALL_MAPPING ? new HashSet<>() : null;
            for (int i = 0; i < entries.size(); i++) {
                NodeTuple entry = entries.get(i);
                if (entry.getKeyNode() instanceof ScalarNode key && !isFirst(key.getValue(), entries, i, keys)) {
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

    /** Whether entry {@code index} is the first with this scalar key; {@code keys} holds those before it, or is null for a small mapping. */
    private static boolean isFirst(String key, List<NodeTuple> entries, int index, Set<String> keys) {
        if (keys != null) {
            return keys.add(key);
        }
        for (int j = 0; j < index; j++) {
            if (entries.get(j).getKeyNode() instanceof ScalarNode earlier && earlier.getValue().equals(key)) {
                return false;
            }
        }
        return true;
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
