package io.drover.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import org.junit.jupiter.api.Test;

class YamlFileTest {

    @Test
    void readsAllDocumentsAndSkipsEmptyOnes() throws Exception {
        String text = """
                # leading comment block
                ---
                # a document of only comments
                ---
                kind: First
                ---
                ---
                kind: Second
                """;

        YamlFile file = YamlFile.parse("multi.yaml", text);

        assertThat(file.path()).isEqualTo("multi.yaml");
        assertThat(file.text()).isSameAs(text);
        assertThat(file.documents()).extracting(document -> document.text("kind").orElseThrow())
                .containsExactly("First", "Second");
        assertThat(file.documents()).extracting(YamlNode::line).containsExactly(5, 8);
    }

    @Test
    void fileWithoutDocumentsHasNone() throws Exception {
        assertThat(YamlFile.parse("empty.yaml", "").documents()).isEmpty();
        assertThat(YamlFile.parse("comments.yaml", "# nothing yet\n").documents()).isEmpty();
    }

    @Test
    void navigatesMappingsSequencesAndScalars() throws Exception {
        YamlFile file = YamlFile.parse("clusters/prod-eu-1/cluster.yaml", Manifests.CAPI_CLUSTER);
        YamlNode cluster = file.documents().get(0);

        assertThat(cluster.isMapping()).isTrue();
        assertThat(cluster.line()).isEqualTo(4);
        assertThat(cluster.text("spec", "topology", "version")).contains("v1.30.6");
        assertThat(cluster.text("metadata", "annotations", "drover.io/capacity")).contains("1200");
        assertThat(cluster.text("spec", "topology")).isEmpty();
        assertThat(cluster.text("spec", "missing", "version")).isEmpty();
        assertThat(cluster.at()).contains(cluster);
        assertThat(cluster.at("metadata", "labels").orElseThrow().entries())
                .containsOnlyKeys("env", "topology.kubernetes.io/region")
                .extractingFromEntries(entry -> entry.getKey() + "=" + entry.getValue().scalar())
                .containsExactly("env=production", "topology.kubernetes.io/region=eu-west-1");
        assertThat(cluster.at("metadata").orElseThrow().keyLine("annotations")).isEqualTo(11);
        assertThat(cluster.at("metadata").orElseThrow().keyLine("missing")).isEqualTo(-1);

        YamlNode deployments = cluster.at("spec", "topology", "workers", "machineDeployments").orElseThrow();
        assertThat(deployments.isSequence()).isTrue();
        assertThat(deployments.items()).singleElement().satisfies(item -> {
            assertThat(item.line()).isEqualTo(24);
            assertThat(item.text("replicas")).contains("3");
        });
        YamlNode cidrs = cluster.at("spec", "clusterNetwork", "pods", "cidrBlocks").orElseThrow();
        assertThat(cidrs.items()).extracting(YamlNode::scalar).containsExactly("192.168.0.0/16");

        YamlNode name = cluster.at("metadata", "name").orElseThrow();
        assertThat(name.isScalar()).isTrue();
        assertThat(name.line()).isEqualTo(7);
        assertThat(name.get("anything")).isEmpty();
        assertThat(name.items()).isEmpty();
        assertThat(name.entries()).isEmpty();
        assertThat(cluster.items()).isEmpty();
        assertThatThrownBy(cluster::scalar)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("clusters/prod-eu-1/cluster.yaml:4");

        assertThat(file.documents().get(1).text("kind")).contains("AWSManagedControlPlane");
        assertThat(file.documents().get(1).line()).isEqualTo(28);
    }

    @Test
    void emptyValueIsAnEmptyScalar() throws Exception {
        YamlNode document = YamlFile.parse("empty-value.yaml", "metadata:\n  labels:\n  name: a\n").documents().get(0);

        assertThat(document.text("metadata", "labels")).contains("");
    }

    @Test
    void syntaxErrorNamesPathLineAndColumn() {
        assertThatThrownBy(() -> YamlFile.parse("traffic/api.yaml", "metadata:\n  name: api: v2\n"))
                .isInstanceOfSatisfying(YamlSyntaxException.class, e -> {
                    assertThat(e.path()).isEqualTo("traffic/api.yaml");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(12);
                    assertThat(e.problem()).isEqualTo("mapping values are not allowed here");
                    assertThat(e.getMessage()).isEqualTo("traffic/api.yaml:2:12: mapping values are not allowed here");
                });
    }

    @Test
    void syntaxErrorOfTheParserIsOneLine() {
        assertThatThrownBy(() -> YamlFile.parse("bad.yaml", "metadata:\n  name: a\n labels: {}\n"))
                .isInstanceOfSatisfying(YamlSyntaxException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo("bad.yaml:3:2: expected <block end>, but found '<block mapping start>'");
                });
    }

    @Test
    void syntaxErrorInALaterDocumentNamesTheLineWhereTheUnclosedListOpens() {
        assertThatThrownBy(() -> YamlFile.parse("multi.yaml", "a: 1\n---\nb: [1, 2\n"))
                .isInstanceOfSatisfying(YamlSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.problem()).startsWith("the flow sequence that opens here is not closed:")
                            .endsWith("at line 4");
                });
    }

    @Test
    void duplicateKeyIsASyntaxError() {
        assertThatThrownBy(() -> YamlFile.parse("dup.yaml", "metadata:\n  name: a\n  labels: {}\n  name: b\n"))
                .isInstanceOfSatisfying(YamlSyntaxException.class, e ->
                        assertThat(e.getMessage()).isEqualTo("dup.yaml:4:3: found duplicate key name"));
    }

    @Test
    void duplicateKeyInALargeMappingOrBehindAnAliasIsASyntaxError() {
        String large = "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nh: 8\ni: 9\nc: 10\n";
        assertThatThrownBy(() -> YamlFile.parse("large.yaml", large))
                .isInstanceOfSatisfying(YamlSyntaxException.class, e ->
                        assertThat(e.getMessage()).isEqualTo("large.yaml:10:1: found duplicate key c"));
        assertThatThrownBy(() -> YamlFile.parse("alias.yaml", "base: &b\n  x: 1\n  x: 2\nuse: *b\nagain: *b\n"))
                .isInstanceOfSatisfying(YamlSyntaxException.class, e ->
                        assertThat(e.getMessage()).isEqualTo("alias.yaml:3:3: found duplicate key x"));
    }

    @Test
    void controlCharacterIsASyntaxError() {
        assertThatThrownBy(() -> YamlFile.parse("ctl.yaml", "a: 1\nb: x\u0001\n"))
                .isInstanceOfSatisfying(YamlSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(5);
                    assertThat(e.problem()).startsWith("unacceptable code point 0x1");
                });
    }

    @Test
    void aliasBombIsRefusedAtTheAliasBeyondTheLimitWithoutCallingItInvalid() {
        String text = "a: &a [x]\nb: [" + String.join(", ", Collections.nCopies(60, "*a")) + "]\n";

        assertThatThrownBy(() -> YamlFile.parse("bomb.yaml", text))
                .isInstanceOfSatisfying(YamlSyntaxException.class, e -> {
                    assertThat(e.isLimit()).isTrue();
                    assertThat(e.line()).isEqualTo(2);
                    // The 51st alias: "b: [" then 50 times "*a, ".
                    assertThat(e.column()).isEqualTo(5 + 50 * 4);
                    assertThat(e.statement()).isEqualTo(
                            "refused: more than 50 aliases of mappings or lists in one file (Drover's limit)");
                    assertThat(e.fix()).contains("instead of referring to them with *aliases");
                });
    }

    @Test
    void aliasesOfScalarsAreNotCounted() throws Exception {
        String text = "a: &a x\nb: [" + String.join(", ", Collections.nCopies(60, "*a")) + "]\n";

        assertThat(YamlFile.parse("scalars.yaml", text).documents().get(0).at("b").orElseThrow().items()).hasSize(60);
    }

    @Test
    void deepNestingIsRefusedAtTheLineThatCrossesTheLimit() {
        StringBuilder text = new StringBuilder("kind: Deep\nspec:\n");
        for (int level = 0; level < 200; level++) {
            text.append("  ".repeat(level + 1)).append("a:\n");
        }
        text.append("  ".repeat(201)).append("x\n");

        assertThatThrownBy(() -> YamlFile.parse("deep.yaml", text.toString()))
                .isInstanceOfSatisfying(YamlSyntaxException.class, e -> {
                    assertThat(e.isLimit()).isTrue();
                    // The root mapping is level 1, spec's value level 2: the 101st level opens at the 100th "a:".
                    assertThat(e.line()).isEqualTo(2 + 99 + 1);
                    assertThat(e.statement()).isEqualTo(
                            "refused: mappings and lists nested more than 100 deep (Drover's limit)");
                    assertThat(e.fix()).startsWith("flatten the document");
                });
    }

    @Test
    void nestingThatWouldOverflowTheStackIsRefusedLikeAnyOther() {
        String text = "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";

        assertThatThrownBy(() -> YamlFile.parse("bracket-bomb.yaml", text))
                .isInstanceOfSatisfying(YamlSyntaxException.class, e -> {
                    assertThat(e.isLimit()).isTrue();
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(4 + 99);
                });
    }

    @Test
    void nestingUpToTheLimitIsRead() throws Exception {
        String text = "[".repeat(YamlLimits.MAX_NESTING_DEPTH) + "]".repeat(YamlLimits.MAX_NESTING_DEPTH) + "\n";

        assertThat(YamlFile.parse("at-limit.yaml", text).documents()).hasSize(1);
        assertThatThrownBy(() -> YamlFile.parse("beyond.yaml", "[" + text))
                .isInstanceOfSatisfying(YamlSyntaxException.class, e -> assertThat(e.isLimit()).isTrue());
    }

    @Test
    void oversizedFileIsRefusedAtTheLineThatCrossesTheLimit() {
        String line = "# " + "x".repeat(1021) + "\n"; // 1 KiB per line
        String text = line.repeat(3 * 1024) + "a: 1\n";

        assertThatThrownBy(() -> YamlFile.parse("big.yaml", text))
                .isInstanceOfSatisfying(YamlSyntaxException.class, e -> {
                    assertThat(e.isLimit()).isTrue();
                    assertThat(e.line()).isEqualTo(3 * 1024 + 1);
                    assertThat(e.statement()).startsWith("refused: the file has " + (text.length()) + " characters;"
                            + " Drover reads at most 3145728 (3 MiB)");
                });
    }

    @Test
    void unclosedQuoteNamesTheLineWhereItOpens() {
        String text = "metadata:\n  name: \"prod-euw-01\n  labels:\n    env: production\n";

        assertThatThrownBy(() -> YamlFile.parse("quote.yaml", text))
                .isInstanceOfSatisfying(YamlSyntaxException.class, e -> {
                    assertThat(e.isLimit()).isFalse();
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(9);
                    assertThat(e.statement()).startsWith("not valid YAML: the quoted value that opens here is not closed:"
                            + " found unexpected end of stream at line 5");
                });
    }
}
