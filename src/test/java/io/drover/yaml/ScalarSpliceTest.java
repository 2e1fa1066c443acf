package io.drover.yaml;

import static org.assertj.core.api.Assertions.assertThat;

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
        for (long seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            String text = dnsEndpoint(100 + random.nextInt(50));
            int spliced = 0;
            for (int step = 0; step < 100; step++) {
                YamlFile file = YamlFile.parse(PATH, text);
                YamlNode endpoints = file.documents().get(1).at("spec", "endpoints").orElseThrow();
                YamlEditor editor = new YamlEditor(file);
                int kind = random.nextInt(10);
                int count = endpoints.items().size();
                if (kind == 0 && count > 2) {
                    editor.removeItem(endpoints, random.nextInt(count));
                } else if (kind == 1) {
                    editor.appendItem(endpoints, editor.itemSource(endpoints, random.nextInt(count))
                            .replace("setIdentifier: ", "setIdentifier: n" + step));
                } else if (kind == 2) {
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
                text = editor.apply();
                YamlFile next = YamlFile.parse(PATH, text);
                if (next.source().splices().count() > 0) {
                    spliced++;
                }
                assertSame(next, YamlFile.parseAfresh(PATH, text), "seed " + seed + " step " + step);
            }
            assertThat(spliced).as("seed " + seed + ": steps that were spliced").isGreaterThan(40);
        }
    }

    private static YamlNode weight(YamlNode endpoints, int item) {
        YamlNode record = endpoints.items().get(item);
        return record.get("providerSpecific").orElseThrow().items().get(0).get("value").orElseThrow();
    }

    private static void assertSame(YamlFile spliced, YamlFile parsed, String where) {
        assertThat(spliced.text()).isEqualTo(parsed.text());
        assertThat(spliced.documents()).hasSameSizeAs(parsed.documents());
        for (int i = 0; i < parsed.documents().size(); i++) {
            List<String> expected = new ArrayList<>();
            List<String> actual = new ArrayList<>();
            describe(parsed, parsed.documents().get(i).node(), expected);
            describe(spliced, spliced.documents().get(i).node(), actual);
            assertThat(actual).as(where).isEqualTo(expected);
        }
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

    /** Another document first, then the DNSEndpoint: one weighted record per cluster, as a fleet writes it. */
    private static String dnsEndpoint(int records) {
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
        return text.append("# end\n").toString();
    }
}
