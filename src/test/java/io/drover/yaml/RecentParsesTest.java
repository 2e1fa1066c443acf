package io.drover.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A large file is parsed once per content; a changed content at the same path is parsed again. */
class RecentParsesTest {

    private static String records(String weight) {
        StringBuilder text = new StringBuilder("endpoints:\n");
        for (int i = 0; text.length() < RecentParses.MIN_CHARS; i++) {
            text.append("  - setIdentifier: cluster-").append(i).append("\n    weight: \"").append(i == 7 ? weight : "100")
                    .append("\"\n");
        }
        return text.toString();
    }

    @Test
    void theSameContentIsParsedOnceAndAnotherContentAtTheSamePathAfresh() throws Exception {
        YamlFile first = YamlFile.parse("traffic/web.yaml", records("100"));
        assertThat(YamlFile.parse("traffic/web.yaml", new String(records("100")))).isSameAs(first);

        YamlFile changed = YamlFile.parse("traffic/web.yaml", records("0"));

        assertThat(changed).isNotSameAs(first);
        assertThat(changed.documents().get(0).at("endpoints").orElseThrow().items().get(7).text("weight")).contains("0");
        assertThat(YamlFile.parse("traffic/other.yaml", records("100"))).isNotSameAs(first);
    }

    @Test
    void aSyntaxErrorIsReportedOnEveryParse() {
        String broken = records("100") + "  - [unclosed\n";
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> YamlFile.parse("traffic/web.yaml", broken)).isInstanceOf(YamlSyntaxException.class);
        }
    }
}
