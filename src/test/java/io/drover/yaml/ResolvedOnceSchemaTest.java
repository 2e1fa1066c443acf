package io.drover.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

class ResolvedOnceSchemaTest {

    /** Scalars of every kind the default schema tells apart, each more than once, plain and quoted. */
    private static final String TEXT = """
            plain: text
            int: 100
            again: 100
            negative: -3
            float: 1.5
            exponent: 1e3
            bool: true
            Bool: True
            null: null
            tilde: ~
            empty:
            quoted: "100"
            single: 'true'
            list: [100, "100", true, ~, text, 0x1F, .inf, -.inf, .nan, no, yes]
            block: |
              100
            tagged: !!str 100
            nested:
              - int: 100
                bool: false
                float: 2.50
              - int: 7
                text: "7"
            """;

    @Test
    void givesEveryNodeTheTagTheDefaultSchemaGives() throws Exception {
        YamlFile file = YamlFile.parse("tags.yaml", TEXT);

        assertThat(tags(file.documents().get(0).node())).isEqualTo(tags(defaultParse(TEXT)));
        assertThat(tags(defaultParse(TEXT))).contains("tag:yaml.org,2002:int", "tag:yaml.org,2002:bool",
                "tag:yaml.org,2002:null", "tag:yaml.org,2002:float", "tag:yaml.org,2002:str");
    }

    private static Node defaultParse(String text) {
        LoadSettings settings = LoadSettings.builder().build();
        Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
        assertThat(composer.hasNext()).isTrue();
        return composer.next();
    }

    private static List<String> tags(Node root) {
        List<String> tags = new ArrayList<>();
        collect(root, tags);
        return tags;
    }

    private static void collect(Node node, List<String> tags) {
        tags.add(node.getTag().getValue());
        if (node instanceof MappingNode mapping) {
            for (NodeTuple entry : mapping.getValue()) {
                collect(entry.getKeyNode(), tags);
                collect(entry.getValueNode(), tags);
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> collect(item, tags));
        }
    }
}
