package io.drover.yaml;

import static io.drover.yaml.Manifests.ARGOCD_CLUSTER_SECRET;
import static io.drover.yaml.Manifests.CAPI_CLUSTER;
import static io.drover.yaml.Manifests.DNS_ENDPOINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class YamlEditorTest {

    private static final String SECRET_PATH = "argocd/clusters/prod-eu-1.yaml";
    private static final String TRAFFIC_PATH = "traffic/public.yaml";
    private static final String CLUSTER_PATH = "clusters/prod-eu-1/cluster.yaml";

    private static YamlNode node(YamlFile file, int document, String... keys) {
        return file.documents().get(document).at(keys).orElseThrow();
    }

    /** The fixture with one occurrence of {@code target} replaced, failing if it is missing or not unique. */
    private static String replaceOnce(String text, String target, String replacement) {
        int at = text.indexOf(target);
        assertThat(at).as("fixture contains %s", target).isNotNegative();
        assertThat(text.indexOf(target, at + 1)).as("fixture contains %s once", target).isNegative();
        return text.substring(0, at) + replacement + text.substring(at + target.length());
    }

    private static void assertEdited(String before, String after, String expected, String... changedLines) {
        assertThat(after).isEqualTo(expected);
        assertThat(LineDiff.changes(before, after)).containsExactly(changedLines);
    }

    @Nested
    class ReplaceScalar {

        @Test
        void plainStaysPlainAndKeepsTheInlineComment() throws Exception {
            YamlFile file = YamlFile.parse(CLUSTER_PATH, CAPI_CLUSTER);

            String edited = new YamlEditor(file)
                    .replaceScalar(node(file, 0, "spec", "topology", "version"), "v1.31.4")
                    .apply();

            assertEdited(CAPI_CLUSTER, edited,
                    replaceOnce(CAPI_CLUSTER, "version: v1.30.6 # bumped", "version: v1.31.4 # bumped"),
                    "-    version: v1.30.6 # bumped by rollout production-1-30",
                    "+    version: v1.31.4 # bumped by rollout production-1-30");
        }

        @Test
        void doubleQuotedStaysDoubleQuoted() throws Exception {
            YamlFile file = YamlFile.parse(CLUSTER_PATH, CAPI_CLUSTER);

            String edited = new YamlEditor(file)
                    .replaceScalar(node(file, 0, "metadata", "annotations", "drover.io/capacity"), "1500")
                    .apply();

            assertEdited(CAPI_CLUSTER, edited,
                    replaceOnce(CAPI_CLUSTER, "drover.io/capacity: \"1200\"", "drover.io/capacity: \"1500\""),
                    "-    drover.io/capacity: \"1200\"",
                    "+    drover.io/capacity: \"1500\"");
        }

        @Test
        void doubleQuotedEscapesWhatItMust() throws Exception {
            YamlFile file = YamlFile.parse(SECRET_PATH, ARGOCD_CLUSTER_SECRET);
            String value = "eu \"west\" \\ 1\n";

            String edited = new YamlEditor(file)
                    .replaceScalar(node(file, 0, "metadata", "labels", "region"), value)
                    .apply();

            assertEdited(ARGOCD_CLUSTER_SECRET, edited,
                    replaceOnce(ARGOCD_CLUSTER_SECRET, "region: \"eu-west-1\"", "region: \"eu \\\"west\\\" \\\\ 1\\n\""),
                    "-    region: \"eu-west-1\"",
                    "+    region: \"eu \\\"west\\\" \\\\ 1\\n\"");
            assertThat(YamlFile.parse(SECRET_PATH, edited).documents().get(0).text("metadata", "labels", "region"))
                    .contains(value);
        }

        @Test
        void singleQuotedStaysSingleQuoted() throws Exception {
            YamlFile file = YamlFile.parse(SECRET_PATH, ARGOCD_CLUSTER_SECRET);

            String edited = new YamlEditor(file)
                    .replaceScalar(node(file, 0, "metadata", "labels", "env"), "it's staging")
                    .apply();

            assertEdited(ARGOCD_CLUSTER_SECRET, edited,
                    replaceOnce(ARGOCD_CLUSTER_SECRET, "env: 'production'", "env: 'it''s staging'"),
                    "-    env: 'production'   # selection key",
                    "+    env: 'it''s staging'   # selection key");
        }

        @Test
        void plainGetsDoubleQuotesWhenThePlainFormWouldNotReadAsTheString() throws Exception {
            YamlFile file = YamlFile.parse(SECRET_PATH, ARGOCD_CLUSTER_SECRET);

            String edited = new YamlEditor(file)
                    .replaceScalar(node(file, 0, "metadata", "labels", "tier"), "1.30")
                    .replaceScalar(node(file, 0, "metadata", "namespace"), "on")
                    .apply();

            assertEdited(ARGOCD_CLUSTER_SECRET, edited,
                    replaceOnce(replaceOnce(ARGOCD_CLUSTER_SECRET, "tier: gold", "tier: \"1.30\""),
                            "namespace: argocd", "namespace: \"on\""),
                    "-  namespace: argocd",
                    "+  namespace: \"on\"",
                    "-    tier: gold",
                    "+    tier: \"1.30\"");
        }

        @Test
        void plainNumberStaysAPlainNumber() throws Exception {
            YamlFile file = YamlFile.parse(CLUSTER_PATH, CAPI_CLUSTER);
            YamlNode deployment = node(file, 0, "spec", "topology", "workers", "machineDeployments").items().get(0);

            String edited = new YamlEditor(file)
                    .replaceScalar(deployment.get("replicas").orElseThrow(), "5")
                    .apply();

            assertEdited(CAPI_CLUSTER, edited,
                    replaceOnce(CAPI_CLUSTER, "replicas: 3", "replicas: 5"),
                    "-          replicas: 3",
                    "+          replicas: 5");
        }

        @Test
        void insideFlowCollectionsKeepsStyleAndQuotesFlowIndicators() throws Exception {
            YamlFile file = YamlFile.parse(TRAFFIC_PATH, DNS_ENDPOINTS);
            YamlNode draining = node(file, 0, "spec", "endpoints").items().get(2);

            String edited = new YamlEditor(file)
                    .replaceScalar(draining.get("providerSpecific").orElseThrow().items().get(0).get("value").orElseThrow(), "25")
                    .replaceScalar(draining.get("targets").orElseThrow().items().get(0), "a.example.com,b.example.com")
                    .apply();

            assertEdited(DNS_ENDPOINTS, edited,
                    replaceOnce(replaceOnce(DNS_ENDPOINTS,
                                    "targets: [ingress.prod-eu-3.example.com]", "targets: [\"a.example.com,b.example.com\"]"),
                            "[{name: aws/weight, value: \"0\"}]", "[{name: aws/weight, value: \"25\"}]"),
                    "-      targets: [ingress.prod-eu-3.example.com]",
                    "-      providerSpecific: [{name: aws/weight, value: \"0\"}]",
                    "+      targets: [\"a.example.com,b.example.com\"]",
                    "+      providerSpecific: [{name: aws/weight, value: \"25\"}]");
        }

        @Test
        void emptyValueGetsItsSpace() throws Exception {
            String text = "metadata:\n  annotations:\n    drover.io/replaces: # set on enrollment\n  name: a\n";
            YamlFile file = YamlFile.parse("clusters/new/cluster.yaml", text);

            String edited = new YamlEditor(file)
                    .replaceScalar(node(file, 0, "metadata", "annotations", "drover.io/replaces"), "prod-eu-1")
                    .apply();

            assertThat(edited).isEqualTo(
                    "metadata:\n  annotations:\n    drover.io/replaces: prod-eu-1 # set on enrollment\n  name: a\n");
        }

        @Test
        void anchorAndTagStay() throws Exception {
            YamlFile file = YamlFile.parse("anchored.yaml", "version: &v !!str v1.30.6\n");

            String edited = new YamlEditor(file).replaceScalar(node(file, 0, "version"), "v1.31.4").apply();

            assertThat(edited).isEqualTo("version: &v !!str v1.31.4\n");
        }

        @Test
        void blockScalarIsRefused() throws Exception {
            YamlFile file = YamlFile.parse(SECRET_PATH, ARGOCD_CLUSTER_SECRET);
            YamlEditor editor = new YamlEditor(file);
            YamlNode config = node(file, 0, "stringData", "config");

            assertThatThrownBy(() -> editor.replaceScalar(config, "{}"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(SECRET_PATH + ":17: replacing a block scalar (| or >) is not supported");
        }

        @Test
        void nonBmpCharactersBeforeTheEditDoNotShiftIt() throws Exception {
            String text = "# \uD83D\uDE80 rollout\nmetadata:\n  annotations:\n    note: \"\uD83D\uDE80 launch\"\n  name: a\n";
            YamlFile file = YamlFile.parse("emoji.yaml", text);

            String edited = new YamlEditor(file)
                    .replaceScalar(node(file, 0, "metadata", "annotations", "note"), "\uD83D\uDEF0 orbit")
                    .replaceScalar(node(file, 0, "metadata", "name"), "b")
                    .apply();

            assertThat(edited).isEqualTo(
                    "# \uD83D\uDE80 rollout\nmetadata:\n  annotations:\n    note: \"\uD83D\uDEF0 orbit\"\n  name: b\n");
        }
    }

    @Nested
    class PutEntry {

        @Test
        void existingKeyIsReplacedInItsStyle() throws Exception {
            YamlFile file = YamlFile.parse(CLUSTER_PATH, CAPI_CLUSTER);

            String edited = new YamlEditor(file)
                    .putEntry(node(file, 0, "metadata", "annotations"), "drover.io/traffic-weight", "50")
                    .apply();

            assertEdited(CAPI_CLUSTER, edited,
                    replaceOnce(CAPI_CLUSTER, "traffic-weight: \"100\"", "traffic-weight: \"50\""),
                    "-    drover.io/traffic-weight: \"100\"",
                    "+    drover.io/traffic-weight: \"50\"");
        }

        @Test
        void newKeyGoesAfterTheLastEntryBeforeACommentOfTheNextOne() throws Exception {
            YamlFile file = YamlFile.parse(SECRET_PATH, ARGOCD_CLUSTER_SECRET);

            String edited = new YamlEditor(file)
                    .putEntry(node(file, 0, "metadata", "labels"), "drover.io/enrolled", "true")
                    .apply();

            assertEdited(ARGOCD_CLUSTER_SECRET, edited,
                    replaceOnce(ARGOCD_CLUSTER_SECRET, "    tier: gold\n",
                            "    tier: gold\n    drover.io/enrolled: \"true\"\n"),
                    "+    drover.io/enrolled: \"true\"");
        }

        @Test
        void newKeyGoesAfterTheNestedBlockOfTheLastEntryAndItsDeeperComment() throws Exception {
            YamlFile file = YamlFile.parse(CLUSTER_PATH, CAPI_CLUSTER);

            String edited = new YamlEditor(file)
                    .putEntry(node(file, 0, "metadata"), "namespace", "fleet")
                    .apply();

            assertEdited(CAPI_CLUSTER, edited,
                    replaceOnce(CAPI_CLUSTER, "      # weight on the global load balancer\n",
                            "      # weight on the global load balancer\n  namespace: fleet\n"),
                    "+  namespace: fleet");
        }

        @Test
        void newKeyGoesAfterABlockScalar() throws Exception {
            YamlFile file = YamlFile.parse(SECRET_PATH, ARGOCD_CLUSTER_SECRET);

            String edited = new YamlEditor(file)
                    .putEntry(node(file, 0, "stringData"), "project", "fleet")
                    .apply();

            assertEdited(ARGOCD_CLUSTER_SECRET, edited, ARGOCD_CLUSTER_SECRET + "  project: fleet\n",
                    "+  project: fleet");
        }

        @Test
        void newKeyInASequenceItemOfANonIndentedSequenceAtTheEndOfTheFile() throws Exception {
            YamlFile file = YamlFile.parse(TRAFFIC_PATH, DNS_ENDPOINTS);

            String edited = new YamlEditor(file)
                    .putEntry(node(file, 1, "spec", "endpoints").items().get(1), "recordType", "CNAME")
                    .apply();

            assertEdited(DNS_ENDPOINTS, edited, DNS_ENDPOINTS + "    recordType: CNAME\n",
                    "+    recordType: CNAME");
        }

        @Test
        void newKeysOfOneMappingKeepTheirOrder() throws Exception {
            YamlFile file = YamlFile.parse(SECRET_PATH, ARGOCD_CLUSTER_SECRET);
            YamlNode labels = node(file, 0, "metadata", "labels");

            String edited = new YamlEditor(file)
                    .putEntry(labels, "team", "platform")
                    .putEntry(labels, "wave", "2")
                    .apply();

            assertEdited(ARGOCD_CLUSTER_SECRET, edited,
                    replaceOnce(ARGOCD_CLUSTER_SECRET, "    tier: gold\n",
                            "    tier: gold\n    team: platform\n    wave: \"2\"\n"),
                    "+    team: platform",
                    "+    wave: \"2\"");
        }

        @Test
        void fileWithoutTrailingNewlineStaysWithout() throws Exception {
            String text = "metadata:\n  labels:\n    env: production";
            YamlFile file = YamlFile.parse("no-newline.yaml", text);

            String edited = new YamlEditor(file)
                    .putEntry(node(file, 0, "metadata", "labels"), "tier", "gold")
                    .apply();

            assertEdited(text, edited, "metadata:\n  labels:\n    env: production\n    tier: gold",
                    "+    tier: gold");
        }

        @Test
        void existingKeyWithABlockValueIsRefused() throws Exception {
            YamlFile file = YamlFile.parse(CLUSTER_PATH, CAPI_CLUSTER);
            YamlEditor editor = new YamlEditor(file);
            YamlNode metadata = node(file, 0, "metadata");

            assertThatThrownBy(() -> editor.putEntry(metadata, "labels", "none"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(CLUSTER_PATH + ":9: the value of labels is a mapping, not a scalar; putEntry only replaces scalars");
        }

        @Test
        void flowMappingIsRefused() throws Exception {
            YamlFile file = YamlFile.parse(TRAFFIC_PATH, DNS_ENDPOINTS);
            YamlEditor editor = new YamlEditor(file);
            YamlNode weight = node(file, 0, "spec", "endpoints").items().get(2)
                    .get("providerSpecific").orElseThrow().items().get(0);

            assertThatThrownBy(() -> editor.putEntry(weight, "comment", "x"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(TRAFFIC_PATH + ":34: the mapping is in flow style ({...} or [...]); this edit needs block style");
        }

        @Test
        void sequenceIsNotAMapping() throws Exception {
            YamlFile file = YamlFile.parse(TRAFFIC_PATH, DNS_ENDPOINTS);
            YamlEditor editor = new YamlEditor(file);
            YamlNode endpoints = node(file, 0, "spec", "endpoints");

            assertThatThrownBy(() -> editor.putEntry(endpoints, "a", "b"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(TRAFFIC_PATH + ":12: expected a mapping, found a sequence");
        }
    }

    @Nested
    class RemoveEntry {

        @Test
        void nestedBlockGoesWithItsDeeperComments() throws Exception {
            YamlFile file = YamlFile.parse(CLUSTER_PATH, CAPI_CLUSTER);

            String edited = new YamlEditor(file)
                    .removeEntry(node(file, 0, "metadata"), "annotations")
                    .apply();

            assertEdited(CAPI_CLUSTER, edited,
                    replaceOnce(CAPI_CLUSTER, """
                              annotations:
                                drover.io/capacity: "1200"
                                drover.io/traffic-weight: "100"
                                  # weight on the global load balancer
                            """, ""),
                    "-  annotations:",
                    "-    drover.io/capacity: \"1200\"",
                    "-    drover.io/traffic-weight: \"100\"",
                    "-      # weight on the global load balancer");
        }

        @Test
        void labelsGoWithTheCommentIndentedUnderThem() throws Exception {
            YamlFile file = YamlFile.parse(SECRET_PATH, ARGOCD_CLUSTER_SECRET);

            String edited = new YamlEditor(file)
                    .removeEntry(node(file, 0, "metadata"), "labels")
                    .apply();

            assertEdited(ARGOCD_CLUSTER_SECRET, edited,
                    replaceOnce(ARGOCD_CLUSTER_SECRET, """
                              labels:
                                argocd.argoproj.io/secret-type: cluster
                                env: 'production'   # selection key
                                region: "eu-west-1"
                                tier: gold
                                # drover.io/enrolled: "true"
                            """, ""),
                    "-  labels:",
                    "-    argocd.argoproj.io/secret-type: cluster",
                    "-    env: 'production'   # selection key",
                    "-    region: \"eu-west-1\"",
                    "-    tier: gold",
                    "-    # drover.io/enrolled: \"true\"");
        }

        @Test
        void scalarEntryGoesWithItsInlineComment() throws Exception {
            YamlFile file = YamlFile.parse(SECRET_PATH, ARGOCD_CLUSTER_SECRET);

            String edited = new YamlEditor(file)
                    .removeEntry(node(file, 0, "metadata", "labels"), "env")
                    .apply();

            assertEdited(ARGOCD_CLUSTER_SECRET, edited,
                    replaceOnce(ARGOCD_CLUSTER_SECRET, "    env: 'production'   # selection key\n", ""),
                    "-    env: 'production'   # selection key");
        }

        @Test
        void blockScalarGoesWithAllItsLines() throws Exception {
            YamlFile file = YamlFile.parse(SECRET_PATH, ARGOCD_CLUSTER_SECRET);

            String edited = new YamlEditor(file)
                    .removeEntry(node(file, 0, "stringData"), "config")
                    .apply();

            assertEdited(ARGOCD_CLUSTER_SECRET, edited,
                    replaceOnce(ARGOCD_CLUSTER_SECRET, """
                              config: |
                                {
                                  "tlsClientConfig": {"insecure": false}
                                }
                            """, ""),
                    "-  config: |",
                    "-    {",
                    "-      \"tlsClientConfig\": {\"insecure\": false}",
                    "-    }");
        }

        @Test
        void absentKeyIsANoOp() throws Exception {
            YamlFile file = YamlFile.parse(SECRET_PATH, ARGOCD_CLUSTER_SECRET);

            String edited = new YamlEditor(file)
                    .removeEntry(node(file, 0, "metadata", "labels"), "drover.io/enrolled")
                    .apply();

            assertThat(edited).isEqualTo(ARGOCD_CLUSTER_SECRET);
        }

        @Test
        void firstEntryOfASequenceItemHandsTheDashToTheNext() throws Exception {
            YamlFile file = YamlFile.parse(TRAFFIC_PATH, DNS_ENDPOINTS);

            String edited = new YamlEditor(file)
                    .removeEntry(node(file, 1, "spec", "endpoints").items().get(0), "dnsName")
                    .apply();

            assertEdited(DNS_ENDPOINTS, edited,
                    replaceOnce(DNS_ENDPOINTS, "  - dnsName: www.example.com\n    setIdentifier: prod-eu-1\n",
                            "  - setIdentifier: prod-eu-1\n"),
                    "-  - dnsName: www.example.com",
                    "-    setIdentifier: prod-eu-1",
                    "+  - setIdentifier: prod-eu-1");
        }

        @Test
        void onlyEntryOfASequenceItemIsRefused() throws Exception {
            YamlFile file = YamlFile.parse("items.yaml", "items:\n- name: a\n- name: b\n");
            YamlEditor editor = new YamlEditor(file);
            YamlNode item = node(file, 0, "items").items().get(0);

            assertThatThrownBy(() -> editor.removeEntry(item, "name"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("items.yaml:2: name is the only entry of a sequence item; remove the item instead");
        }

        @Test
        void entryBehindTwoDashesIsRefused() throws Exception {
            YamlFile file = YamlFile.parse("nested.yaml", "matrix:\n- - name: a\n    size: 1\n");
            YamlEditor editor = new YamlEditor(file);
            YamlNode cell = node(file, 0, "matrix").items().get(0).items().get(0);

            assertThatThrownBy(() -> editor.removeEntry(cell, "name"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("nested.yaml:2: cannot remove name, its line starts with other content");
        }

        @Test
        void lastLineOfAFileWithoutTrailingNewline() throws Exception {
            String text = "metadata:\n  labels:\n    env: production\n    tier: gold";
            YamlFile file = YamlFile.parse("no-newline.yaml", text);

            String edited = new YamlEditor(file)
                    .removeEntry(node(file, 0, "metadata", "labels"), "tier")
                    .apply();

            assertEdited(text, edited, "metadata:\n  labels:\n    env: production",
                    "-    tier: gold");
        }

        @Test
        void valueThatIsAnAliasIsRefused() throws Exception {
            YamlFile file = YamlFile.parse("alias.yaml", "defaults: &labels\n  env: production\nlabels:\n  copy: *labels\n");
            YamlEditor editor = new YamlEditor(file);
            YamlNode labels = node(file, 0, "labels");

            assertThatThrownBy(() -> editor.removeEntry(labels, "copy"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("alias.yaml:4: cannot edit around a YAML alias");
        }
    }

    @Nested
    class RemoveItem {

        @Test
        void firstItemGoesWithTheCommentAboveAndTheCommentIndentedUnderIt() throws Exception {
            YamlFile file = YamlFile.parse(TRAFFIC_PATH, DNS_ENDPOINTS);

            String edited = new YamlEditor(file)
                    .removeItem(node(file, 0, "spec", "endpoints"), 0)
                    .apply();

            assertEdited(DNS_ENDPOINTS, edited,
                    replaceOnce(DNS_ENDPOINTS, """
                                # blue
                                - dnsName: api.example.com
                                  recordType: CNAME
                                  setIdentifier: prod-eu-1
                                  targets:
                                    - ingress.prod-eu-1.example.com
                                  # weights are strings for external-dns
                                  providerSpecific:
                                    - name: aws/weight
                                      value: "100"
                                    # keep at 100 until the freeze ends
                            """, ""),
                    "-    # blue",
                    "-    - dnsName: api.example.com",
                    "-      recordType: CNAME",
                    "-      setIdentifier: prod-eu-1",
                    "-      targets:",
                    "-        - ingress.prod-eu-1.example.com",
                    "-      # weights are strings for external-dns",
                    "-      providerSpecific:",
                    "-        - name: aws/weight",
                    "-          value: \"100\"",
                    "-        # keep at 100 until the freeze ends");
        }

        @Test
        void middleItem() throws Exception {
            YamlFile file = YamlFile.parse(TRAFFIC_PATH, DNS_ENDPOINTS);

            String edited = new YamlEditor(file)
                    .removeItem(node(file, 0, "spec", "endpoints"), 1)
                    .apply();

            assertEdited(DNS_ENDPOINTS, edited,
                    replaceOnce(DNS_ENDPOINTS, """
                                - dnsName: api.example.com
                                  recordType: CNAME
                                  setIdentifier: prod-eu-2
                                  targets:
                                    - ingress.prod-eu-2.example.com
                                  providerSpecific:
                                    - name: aws/weight
                                      value: "0"
                            """, ""),
                    "-    - dnsName: api.example.com",
                    "-      recordType: CNAME",
                    "-      setIdentifier: prod-eu-2",
                    "-      targets:",
                    "-        - ingress.prod-eu-2.example.com",
                    "-      providerSpecific:",
                    "-        - name: aws/weight",
                    "-          value: \"0\"");
        }

        @Test
        void lastItemBeforeTheNextDocument() throws Exception {
            YamlFile file = YamlFile.parse(TRAFFIC_PATH, DNS_ENDPOINTS);

            String edited = new YamlEditor(file)
                    .removeItem(node(file, 0, "spec", "endpoints"), 2)
                    .apply();

            assertEdited(DNS_ENDPOINTS, edited,
                    replaceOnce(DNS_ENDPOINTS, """
                                - dnsName: api.example.com
                                  recordType: CNAME
                                  setIdentifier: prod-eu-3   # draining
                                  targets: [ingress.prod-eu-3.example.com]
                                  providerSpecific: [{name: aws/weight, value: "0"}]
                            """, ""),
                    "-    - dnsName: api.example.com",
                    "-      recordType: CNAME",
                    "-      setIdentifier: prod-eu-3   # draining",
                    "-      targets: [ingress.prod-eu-3.example.com]",
                    "-      providerSpecific: [{name: aws/weight, value: \"0\"}]");
        }

        @Test
        void firstItemOfANonIndentedSequenceLeavesTheCommentOfTheNext() throws Exception {
            YamlFile file = YamlFile.parse(TRAFFIC_PATH, DNS_ENDPOINTS);

            String edited = new YamlEditor(file)
                    .removeItem(node(file, 1, "spec", "endpoints"), 0)
                    .apply();

            assertEdited(DNS_ENDPOINTS, edited,
                    replaceOnce(DNS_ENDPOINTS, """
                              - dnsName: www.example.com
                                setIdentifier: prod-eu-1
                                targets:
                                - ingress.prod-eu-1.example.com
                                providerSpecific:
                                - name: aws/weight
                                  value: "100"
                              # the green cluster
                            """, "  # the green cluster\n"),
                    "-  - dnsName: www.example.com",
                    "-    setIdentifier: prod-eu-1",
                    "-    targets:",
                    "-    - ingress.prod-eu-1.example.com",
                    "-    providerSpecific:",
                    "-    - name: aws/weight",
                    "-      value: \"100\"");
        }

        @Test
        void lastItemOfTheFile() throws Exception {
            YamlFile file = YamlFile.parse(TRAFFIC_PATH, DNS_ENDPOINTS);

            String edited = new YamlEditor(file)
                    .removeItem(node(file, 1, "spec", "endpoints"), 1)
                    .apply();

            assertEdited(DNS_ENDPOINTS, edited,
                    replaceOnce(DNS_ENDPOINTS, """
                              # the green cluster
                              - dnsName: www.example.com
                                setIdentifier: prod-eu-2
                                targets:
                                - ingress.prod-eu-2.example.com
                                providerSpecific:
                                - name: aws/weight
                                  value: "50"
                            """, ""),
                    "-  # the green cluster",
                    "-  - dnsName: www.example.com",
                    "-    setIdentifier: prod-eu-2",
                    "-    targets:",
                    "-    - ingress.prod-eu-2.example.com",
                    "-    providerSpecific:",
                    "-    - name: aws/weight",
                    "-      value: \"50\"");
        }

        @Test
        void itemBehindAnotherDashIsRefused() throws Exception {
            YamlFile file = YamlFile.parse("nested.yaml", "matrix:\n- - a\n  - b\n");
            YamlEditor editor = new YamlEditor(file);
            YamlNode row = node(file, 0, "matrix").items().get(0);

            assertThatThrownBy(() -> editor.removeItem(row, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("nested.yaml:2: cannot remove item 0, its line starts with other content");
        }

        @Test
        void flowSequenceIsRefused() throws Exception {
            YamlFile file = YamlFile.parse(TRAFFIC_PATH, DNS_ENDPOINTS);
            YamlEditor editor = new YamlEditor(file);
            YamlNode targets = node(file, 0, "spec", "endpoints").items().get(2).get("targets").orElseThrow();

            assertThatThrownBy(() -> editor.removeItem(targets, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(TRAFFIC_PATH + ":33: the sequence is in flow style ({...} or [...]); this edit needs block style");
        }
    }

    @Nested
    class AppendItem {

        @Test
        void toAnIndentedSequence() throws Exception {
            YamlFile file = YamlFile.parse(TRAFFIC_PATH, DNS_ENDPOINTS);

            String edited = new YamlEditor(file)
                    .appendItem(node(file, 0, "spec", "endpoints"), """
                            dnsName: api.example.com
                            setIdentifier: prod-eu-4
                            targets:
                              - ingress.prod-eu-4.example.com
                            """)
                    .apply();

            assertEdited(DNS_ENDPOINTS, edited,
                    replaceOnce(DNS_ENDPOINTS, "[{name: aws/weight, value: \"0\"}]\n", """
                            [{name: aws/weight, value: "0"}]
                                - dnsName: api.example.com
                                  setIdentifier: prod-eu-4
                                  targets:
                                    - ingress.prod-eu-4.example.com
                            """),
                    "+    - dnsName: api.example.com",
                    "+      setIdentifier: prod-eu-4",
                    "+      targets:",
                    "+        - ingress.prod-eu-4.example.com");
        }

        @Test
        void toANonIndentedSequence() throws Exception {
            YamlFile file = YamlFile.parse(TRAFFIC_PATH, DNS_ENDPOINTS);

            String edited = new YamlEditor(file)
                    .appendItem(node(file, 1, "spec", "endpoints"),
                            "dnsName: www.example.com\nsetIdentifier: prod-eu-4\ntargets:\n- ingress.prod-eu-4.example.com")
                    .apply();

            assertEdited(DNS_ENDPOINTS, edited, DNS_ENDPOINTS + """
                              - dnsName: www.example.com
                                setIdentifier: prod-eu-4
                                targets:
                                - ingress.prod-eu-4.example.com
                            """,
                    "+  - dnsName: www.example.com",
                    "+    setIdentifier: prod-eu-4",
                    "+    targets:",
                    "+    - ingress.prod-eu-4.example.com");
        }

        @Test
        void goesAfterTheCommentIndentedUnderTheLastItem() throws Exception {
            String text = "targets:\n  - a.example.com\n    # b is coming\n# end of targets\n";
            YamlFile file = YamlFile.parse("targets.yaml", text);

            String edited = new YamlEditor(file).appendItem(node(file, 0, "targets"), "b.example.com").apply();

            assertEdited(text, edited,
                    "targets:\n  - a.example.com\n    # b is coming\n  - b.example.com\n# end of targets\n",
                    "+  - b.example.com");
        }

        @Test
        void flowSequenceIsRefused() throws Exception {
            YamlFile file = YamlFile.parse(CLUSTER_PATH, CAPI_CLUSTER);
            YamlEditor editor = new YamlEditor(file);
            YamlNode cidrs = node(file, 0, "spec", "clusterNetwork", "pods", "cidrBlocks");

            assertThatThrownBy(() -> editor.appendItem(cidrs, "10.0.0.0/16"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(CLUSTER_PATH + ":18: the sequence is in flow style ({...} or [...]); this edit needs block style");
        }

        @Test
        void itemThatBreaksTheFileIsABug() throws Exception {
            YamlFile file = YamlFile.parse(TRAFFIC_PATH, DNS_ENDPOINTS);
            YamlEditor editor = new YamlEditor(file).appendItem(node(file, 1, "spec", "endpoints"), "dnsName: a: b");

            assertThatThrownBy(editor::apply)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("edits of " + TRAFFIC_PATH + " broke its YAML: " + TRAFFIC_PATH
                            + ":57:15: mapping values are not allowed here");
        }
    }

    @Nested
    class ItemSource {

        @Test
        void copyOfAnIndentedItemAppendsTheSameItemWithoutItsComments() throws Exception {
            YamlFile file = YamlFile.parse(TRAFFIC_PATH, DNS_ENDPOINTS);
            YamlNode endpoints = node(file, 0, "spec", "endpoints");
            YamlEditor editor = new YamlEditor(file);

            String source = editor.itemSource(endpoints, 0);
            String edited = editor.appendItem(endpoints, source).apply();

            assertThat(source).isEqualTo("""
                    dnsName: api.example.com
                    recordType: CNAME
                    setIdentifier: prod-eu-1
                    targets:
                      - ingress.prod-eu-1.example.com
                    providerSpecific:
                      - name: aws/weight
                        value: "100\"""");
            assertEdited(DNS_ENDPOINTS, edited,
                    replaceOnce(DNS_ENDPOINTS, "[{name: aws/weight, value: \"0\"}]\n", """
                            [{name: aws/weight, value: "0"}]
                                - dnsName: api.example.com
                                  recordType: CNAME
                                  setIdentifier: prod-eu-1
                                  targets:
                                    - ingress.prod-eu-1.example.com
                                  providerSpecific:
                                    - name: aws/weight
                                      value: "100"
                            """),
                    "+    - dnsName: api.example.com",
                    "+      recordType: CNAME",
                    "+      setIdentifier: prod-eu-1",
                    "+      targets:",
                    "+        - ingress.prod-eu-1.example.com",
                    "+      providerSpecific:",
                    "+        - name: aws/weight",
                    "+          value: \"100\"");
        }

        @Test
        void copyOfANonIndentedItem() throws Exception {
            YamlFile file = YamlFile.parse(TRAFFIC_PATH, DNS_ENDPOINTS);
            YamlNode endpoints = node(file, 1, "spec", "endpoints");
            YamlEditor editor = new YamlEditor(file);

            String source = editor.itemSource(endpoints, 1);
            String edited = editor.appendItem(endpoints, source).apply();

            assertThat(source).isEqualTo("""
                    dnsName: www.example.com
                    setIdentifier: prod-eu-2
                    targets:
                    - ingress.prod-eu-2.example.com
                    providerSpecific:
                    - name: aws/weight
                      value: "50\"""");
            YamlNode copy = node(YamlFile.parse(TRAFFIC_PATH, edited), 1, "spec", "endpoints").items().get(2);
            assertThat(copy.text("setIdentifier")).contains("prod-eu-2");
            assertThat(copy.get("providerSpecific").orElseThrow().items().get(0).text("value")).contains("50");
            assertThat(edited).isEqualTo(DNS_ENDPOINTS + "  - " + source.replace("\n", "\n    ") + "\n");
        }

        @Test
        void hashLinesOfABlockScalarAreContentNotComments() throws Exception {
            String text = """
                    hooks:
                    - name: notify
                      # posts to the release channel
                      script: |
                        # not a comment: part of the script
                        curl -X POST "$HOOK"
                    """;
            YamlFile file = YamlFile.parse("hooks.yaml", text);

            String source = new YamlEditor(file).itemSource(node(file, 0, "hooks"), 0);

            assertThat(source).isEqualTo("""
                    name: notify
                    script: |
                      # not a comment: part of the script
                      curl -X POST "$HOOK\"""");
        }

        @Test
        void itemWhoseContentStartsBelowItsDash() throws Exception {
            YamlFile file = YamlFile.parse("items.yaml", "items:\n-\n  # first\n  name: a\n  size: 1\n");

            assertThat(new YamlEditor(file).itemSource(node(file, 0, "items"), 0)).isEqualTo("name: a\nsize: 1");
        }
    }

    @Nested
    class Apply {

        @Test
        void editsInSeveralDocuments() throws Exception {
            YamlFile file = YamlFile.parse(CLUSTER_PATH, CAPI_CLUSTER);

            String edited = new YamlEditor(file)
                    .replaceScalar(node(file, 1, "spec", "version"), "v1.31.4")
                    .replaceScalar(node(file, 0, "spec", "topology", "version"), "v1.31.4")
                    .apply();

            assertEdited(CAPI_CLUSTER, edited,
                    replaceOnce(replaceOnce(CAPI_CLUSTER, "version: v1.30.6 # bumped", "version: v1.31.4 # bumped"),
                            "  version: v1.30.6\n", "  version: v1.31.4\n"),
                    "-    version: v1.30.6 # bumped by rollout production-1-30",
                    "+    version: v1.31.4 # bumped by rollout production-1-30",
                    "-  version: v1.30.6",
                    "+  version: v1.31.4");
        }

        @Test
        void removalAndInsertionAtTheSameLine() throws Exception {
            YamlFile file = YamlFile.parse(SECRET_PATH, ARGOCD_CLUSTER_SECRET);

            String edited = new YamlEditor(file)
                    .removeEntry(node(file, 0), "type")
                    .putEntry(node(file, 0, "metadata"), "annotations", "none")
                    .apply();

            assertEdited(ARGOCD_CLUSTER_SECRET, edited,
                    replaceOnce(ARGOCD_CLUSTER_SECRET, "type: Opaque\n", "  annotations: none\n"),
                    "-type: Opaque",
                    "+  annotations: none");
        }

        @Test
        void overlappingEditsAreRefused() throws Exception {
            YamlFile file = YamlFile.parse(SECRET_PATH, ARGOCD_CLUSTER_SECRET);
            YamlEditor editor = new YamlEditor(file)
                    .removeEntry(node(file, 0, "metadata"), "labels")
                    .putEntry(node(file, 0, "metadata", "labels"), "team", "platform");

            assertThatThrownBy(editor::apply)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(SECRET_PATH + ":12: overlapping edits");
        }

        @Test
        void sameScalarTwiceIsAnOverlap() throws Exception {
            YamlFile file = YamlFile.parse(CLUSTER_PATH, CAPI_CLUSTER);
            YamlNode version = node(file, 0, "spec", "topology", "version");
            YamlEditor editor = new YamlEditor(file).replaceScalar(version, "v1.31.0").replaceScalar(version, "v1.31.4");

            assertThatThrownBy(editor::apply).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void noEditsGiveTheSameText() throws Exception {
            YamlFile file = YamlFile.parse(TRAFFIC_PATH, DNS_ENDPOINTS);

            assertThat(new YamlEditor(file).apply()).isEqualTo(DNS_ENDPOINTS);
        }

        @Test
        void nodeOfAnotherFileIsRefused() throws Exception {
            YamlFile secret = YamlFile.parse(SECRET_PATH, ARGOCD_CLUSTER_SECRET);
            YamlFile sameText = YamlFile.parse(SECRET_PATH, ARGOCD_CLUSTER_SECRET);
            YamlEditor editor = new YamlEditor(secret);
            YamlNode foreign = node(sameText, 0, "metadata", "name");

            assertThatThrownBy(() -> editor.replaceScalar(foreign, "x"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
