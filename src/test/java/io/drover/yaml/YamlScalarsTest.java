package io.drover.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class YamlScalarsTest {

    static Stream<Arguments> table() {
        return Stream.of(
                // plain: reads back as the same string in YAML 1.1 and 1.2
                Arguments.of("v1.30.6", "v1.30.6"),
                Arguments.of("1.30.6", "1.30.6"),
                Arguments.of("prod-eu-1", "prod-eu-1"),
                Arguments.of("aws/weight", "aws/weight"),
                Arguments.of("https://prod-eu-1.k8s.example.com", "https://prod-eu-1.k8s.example.com"),
                Arguments.of("192.168.0.0/16", "192.168.0.0/16"),
                Arguments.of("a,b", "a,b"),
                Arguments.of("a:b", "a:b"),
                Arguments.of("a#b", "a#b"),
                Arguments.of("100m", "100m"),
                Arguments.of("Production", "Production"),
                Arguments.of("yesterday", "yesterday"),
                Arguments.of("say \"hi\"", "say \"hi\""),
                // booleans, of YAML 1.1 in particular
                Arguments.of("true", "\"true\""),
                Arguments.of("False", "\"False\""),
                Arguments.of("yes", "\"yes\""),
                Arguments.of("No", "\"No\""),
                Arguments.of("on", "\"on\""),
                Arguments.of("OFF", "\"OFF\""),
                Arguments.of("y", "\"y\""),
                Arguments.of("n", "\"n\""),
                // null
                Arguments.of("null", "\"null\""),
                Arguments.of("Null", "\"Null\""),
                Arguments.of("~", "\"~\""),
                Arguments.of("", "\"\""),
                // numbers
                Arguments.of("1200", "\"1200\""),
                Arguments.of("0", "\"0\""),
                Arguments.of("-1", "\"-1\""),
                Arguments.of("+1", "\"+1\""),
                Arguments.of("0x1F", "\"0x1F\""),
                Arguments.of("0o17", "\"0o17\""),
                Arguments.of("0755", "\"0755\""),
                Arguments.of("0b101", "\"0b101\""),
                Arguments.of("1_000", "\"1_000\""),
                Arguments.of("1:30", "\"1:30\""),
                Arguments.of("1e3", "\"1e3\""),
                Arguments.of("1.30", "\"1.30\""),
                Arguments.of(".5", "\".5\""),
                Arguments.of("1.", "\"1.\""),
                Arguments.of("6.8523015e+5", "\"6.8523015e+5\""),
                Arguments.of(".inf", "\".inf\""),
                Arguments.of("-.Inf", "\"-.Inf\""),
                Arguments.of(".NaN", "\".NaN\""),
                // timestamps
                Arguments.of("2024-01-31", "\"2024-01-31\""),
                Arguments.of("2024-01-31T10:00:00Z", "\"2024-01-31T10:00:00Z\""),
                // syntax
                Arguments.of("a: b", "\"a: b\""),
                Arguments.of("a #b", "\"a #b\""),
                Arguments.of("key:", "\"key:\""),
                Arguments.of(" lead", "\" lead\""),
                Arguments.of("trail ", "\"trail \""),
                Arguments.of("- item", "\"- item\""),
                Arguments.of("#x", "\"#x\""),
                Arguments.of("*ref", "\"*ref\""),
                Arguments.of("&anchor", "\"&anchor\""),
                Arguments.of("!tag", "\"!tag\""),
                Arguments.of("|", "\"|\""),
                Arguments.of(">x", "\">x\""),
                Arguments.of("'q'", "\"'q'\""),
                Arguments.of("\"q\"", "\"\\\"q\\\"\""),
                Arguments.of("%x", "\"%x\""),
                Arguments.of("@x", "\"@x\""),
                Arguments.of("`x`", "\"`x`\""),
                Arguments.of("{a}", "\"{a}\""),
                Arguments.of("[a]", "\"[a]\""),
                Arguments.of("?x", "\"?x\""),
                Arguments.of(",x", "\",x\""),
                // escapes
                Arguments.of("line1\nline2", "\"line1\\nline2\""),
                Arguments.of("tab\there", "\"tab\\there\""),
                Arguments.of("bell\u0007", "\"bell\\x07\""),
                Arguments.of("C:\\path: x", "\"C:\\\\path: x\""),
                Arguments.of("caf\u00e9 \uD83D\uDE80", "caf\u00e9 \uD83D\uDE80"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("table")
    void formatsLikeTheTable(String value, String expected) {
        assertThat(YamlScalars.format(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("table")
    void formattedValueReadsBackAsTheSameString(String value, String ignored) throws Exception {
        YamlFile file = YamlFile.parse("scalar.yaml", "key: " + YamlScalars.format(value) + "\n");

        assertThat(file.documents().get(0).text("key")).contains(value);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("table")
    void formattedValueReadsBackInsideFlowCollections(String value, String ignored) throws Exception {
        YamlFile file = YamlFile.parse("scalar.yaml", "key: [" + YamlScalars.format(value, true) + "]\n");

        assertThat(file.documents().get(0).get("key").orElseThrow().items())
                .singleElement()
                .satisfies(item -> assertThat(item.scalar()).isEqualTo(value));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("table")
    void singleQuotedValueReadsBackAsTheSameString(String value, String ignored) throws Exception {
        YamlFile file = YamlFile.parse("scalar.yaml", "key: " + YamlScalars.singleQuoted(value) + "\n");

        assertThat(file.documents().get(0).text("key")).contains(value);
    }

    @Test
    void flowContextQuotesFlowIndicators() {
        assertThat(YamlScalars.format("a,b", true)).isEqualTo("\"a,b\"");
        assertThat(YamlScalars.format("a]b", true)).isEqualTo("\"a]b\"");
        assertThat(YamlScalars.format("a.b", true)).isEqualTo("a.b");
    }

    @Test
    void singleQuotesDoubleTheQuoteAndFallBackToDoubleQuotesForEscapes() {
        assertThat(YamlScalars.singleQuoted("it's")).isEqualTo("'it''s'");
        assertThat(YamlScalars.singleQuoted("a\nb")).isEqualTo("\"a\\nb\"");
    }
}
