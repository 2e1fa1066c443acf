package io.drover.chatops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CommandHelpTest {

    @Test
    void theReadmeShowsExactlyWhatSlashDroverHelpReplies() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String start = "-->\n";
        int from = readme.indexOf(start, readme.indexOf("<!-- chatops-help:")) + start.length();
        int to = readme.indexOf("<!-- /chatops-help -->");

        assertThat(readme.substring(from, to)).isEqualTo(CommandHelp.markdown());
    }

    @Test
    void everyVerbTheParserKnowsIsDocumentedWithItsUsage() {
        assertThat(CommandHelp.COMMANDS).extracting(CommandHelp.Entry::verb).containsExactlyElementsOf(CommandParser.USAGE.keySet());
        assertThat(CommandHelp.COMMANDS).allSatisfy(e -> assertThat(e.usage()).isEqualTo(CommandParser.USAGE.get(e.verb())));
    }
}
