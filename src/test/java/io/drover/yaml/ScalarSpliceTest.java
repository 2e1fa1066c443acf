package io.drover.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A file whose quoted weights an editor replaced is not parsed again but spliced
 * ({@link YamlFile#splice}); it must be what a parse of the whole new text gives, node for node:
 * kind, tag, value, style, and every node's start and end offset and line. Random sequences of
 * edits on a DNSEndpoint of many records: weights set (spliced), records added and removed and
 * weights set to a value that is not digits (parsed), so that splices build on splices and on parses.
 */
class ScalarSpliceTest {

    private static final String PATH = "traffic/shop.yaml";

    @Test
    void aSplicedFileEqualsAParseOfTheWholeNewText() throws Exception {
        for (long seed = 1; seed <= 8; seed++) {
            Random random = new Random(seed);
            String text = dnsEndpoint(100 + random.nextInt(50), seed % 2 == 0);
            int spliced = 0;
            int recordsSpliced = 0;
            for (int step = 0; step < 120; step++) {
                YamlFile file = YamlFile.parse(PATH, text);
                YamlNode endpoints = file.documents().get(1).at("spec", "endpoints").orElseThrow();
                YamlEditor editor = new YamlEditor(file);
                int kind = random.nextInt(10);
                int count = endpoints.items().size();
                if (kind <= 1 && count > 2) {
                    int position = random.nextInt(3);
                    editor.removeItem(endpoints, position == 0 ? 0 : position == 1 ? count - 1 : random.nextInt(count));
                } else if (kind <= 3) {
                    editor.appendItem(endpoints, editor.itemSource(endpoints, random.nextInt(count))
                            .replace("setIdentifier: ", "setIdentifier: n" + step));
                } else if (kind == 4) {
                    editor.replaceScalar(weight(endpoints, random.nextInt(count)), "x" + random.nextInt(10));
                } else {
                    int edited = 1 + random.nextInt(3);
                    List<Integer> items = new ArrayList<>();
                    while (items.size() < Math.min(edited, count)) {
                        int item = random.nextInt(count);
                        if (!items.contains(item)) {
                            items.add(item);
                        }
                    }
                    for (int item : items) {
                        editor.replaceScalar(weight(endpoints, item), Integer.toString(random.nextInt(random.nextBoolean() ? 10 : 100_000)));
                    }
                }
                long splicedBefore = YamlFile.SPLICED.get();
                text = editor.apply();
                YamlFile next = YamlFile.parse(PATH, text);
                if (YamlFile.SPLICED.get() > splicedBefore) {
                    spliced++;
                    recordsSpliced += kind <= 3 ? 1 : 0;
                }
                assertSame(next, YamlFile.parseAfresh(PATH, text), "seed " + seed + " step " + step);
            }
            assertThat(spliced).as("seed " + seed + ": steps that were spliced").isGreaterThan(60);
            assertThat(recordsSpliced).as("seed " + seed + ": records added or removed by a splice").isGreaterThan(15);
        }
    }

    /** A record whose text a parse rejects is not spliced: the error is the whole parse's, at its line. */
    @Test
    void anAddedRecordWithADuplicateKeyIsReportedAtItsLineInTheFile() throws Exception {
        YamlFile file = YamlFile.parse(PATH, dnsEndpoint(120, true));
        YamlNode endpoints = file.documents().get(1).at("spec", "endpoints").orElseThrow();
        YamlEditor editor = new YamlEditor(file);
        editor.appendItem(endpoints, "dnsName: shop.example.com\nsetIdentifier: x\nsetIdentifier: y");
        // The last record takes 7 lines from its first key; the new one's second setIdentifier is its third line.
        String duplicateLine = ":" + (endpoints.items().get(endpoints.items().size() - 1).line() + 6 + 3) + ":";
        assertThatThrownBy(editor::apply)
                .hasMessageContaining(PATH + duplicateLine)
                .hasMessageContaining("found duplicate key setIdentifier");
    }

    private static YamlNode weight(YamlNode endpoints, int item) {
        YamlNode record = endpoints.items().get(item);
        return record.get("providerSpecific").orElseThrow().items().get(0).get("value").orElseThrow();
    }

    private static void assertSame(YamlFile spliced, YamlFile parsed, String where) {
        assertThat(spliced.text()).isEqualTo(parsed.text());
        // The spliced line table is derived from the one before; every line must start where a scan finds it.
        assertThat(lineStarts(spliced.source())).as(where).isEqualTo(lineStarts(parsed.source()));
        assertThat(spliced.documents()).hasSameSizeAs(parsed.documents());
        for (int i = 0; i < parsed.documents().size(); i++) {
            List<String> expected = new ArrayList<>();
            List<String> actual = new ArrayList<>();
            describe(parsed, parsed.documents().get(i).node(), expected);
            describe(spliced, spliced.documents().get(i).node(), actual);
            assertThat(actual).as(where).isEqualTo(expected);
        }
    }

    private static List<Integer> lineStarts(SourceText source) {
        List<Integer> starts = new ArrayList<>();
        for (int line = 0; line < source.lineCount(); line++) {
            starts.add(source.lineStart(line));
        }
        return starts;
    }

    /** Every node in document order with what a reader or an editor may look at. */
    private static void describe(YamlFile file, Node node, List<String> out) {
        SourceText source = file.source();
        int start = source.offset(node.getStartMark().orElseThrow());
        int end = source.offset(node.getEndMark().orElseThrow());
        String common = node.getNodeType() + " " + node.getTag() + " " + start + "-" + end + " line "
                + (source.lineOf(start) + 1) + " anchor " + node.getAnchor();
        if (node instanceof ScalarNode scalar) {
            out.add(common + " " + scalar.getScalarStyle() + " [" + scalar.getValue() + "] "
                    + file.text().substring(start, end));
        } else {
            out.add(common + " " + ((CollectionNode<?>) node).getFlowStyle());
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple entry : mapping.getValue()) {
                describe(file, entry.getKeyNode(), out);
                describe(file, entry.getValueNode(), out);
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> describe(file, item, out));
        }
    }

    /** Another document first, then the DNSEndpoint: one weighted record per cluster, as a fleet writes it; maybe a document after. */
    private static String dnsEndpoint(int records, boolean documentAfter) {
        StringBuilder text = new StringBuilder("""
                # weights of the shop hostname
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: note
                data:
                  count: "5"
                ---
                apiVersion: externaldns.k8s.io/v1alpha1
                kind: DNSEndpoint
                metadata:
                  name: shop
                  annotations:
                    drover.io/peak-rps: "2000"
                spec:
                  endpoints:
                """);
        for (int i = 0; i < records; i++) {
            text.append("    # cluster ").append(i).append('\n')
                    .append("    - dnsName: shop.example.com\n")
                    .append("      recordType: CNAME\n")
                    .append("      setIdentifier: c").append(i).append('\n')
                    .append("      targets: [ingress.c").append(i).append(".example.com]\n")
                    .append("      providerSpecific:\n")
                    .append("        - name: aws/weight\n")
                    .append("          value: \"").append(i % 7 == 0 ? 0 : 100).append("\"\n");
        }
        if (documentAfter) {
            // The sequence then ends at the next document's marker instead of the end of the text.
            text.append("    # no more records\n---\nkind: Note\n");
        }
        return text.append("# end\n").toString();
    }
}
