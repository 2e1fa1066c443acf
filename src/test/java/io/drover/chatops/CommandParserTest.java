package io.drover.chatops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

    @Test
    void eachVerbWithItsArguments() {
        assertThat(CommandParser.parse("/drover pause load test at 14:00")).containsExactly(
                new Command.Pause(Optional.of("load test at 14:00")));
        assertThat(CommandParser.parse("/drover pause")).containsExactly(new Command.Pause(Optional.empty()));
        assertThat(CommandParser.parse("/drover resume")).containsExactly(new Command.Resume());
        assertThat(CommandParser.parse("/drover skip")).containsExactly(new Command.Skip(Optional.empty()));
        assertThat(CommandParser.parse("/drover skip shift-prod-euw-03-25")).containsExactly(
                new Command.Skip(Optional.of("shift-prod-euw-03-25")));
        assertThat(CommandParser.parse("/drover retry")).containsExactly(new Command.Retry());
        assertThat(CommandParser.parse("/drover abort capacity alarm")).containsExactly(
                new Command.Abort(Optional.of("capacity alarm")));
        assertThat(CommandParser.parse("/drover status")).containsExactly(new Command.Status());
        assertThat(CommandParser.parse("/drover help")).containsExactly(new Command.Help());
    }

    @Test
    void theVerbIsCaseInsensitiveTheReasonKeepsItsCase() {
        assertThat(CommandParser.parse("/Drover PAUSE Black Friday")).containsExactly(new Command.Pause(Optional.of("Black Friday")));
    }

    @Test
    void aCommandAmongOtherLinesIsFound() {
        assertThat(CommandParser.parse("Looks odd on the dashboards.\r\n\r\n/drover pause checking p99\r\nThanks"))
                .containsExactly(new Command.Pause(Optional.of("checking p99")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "> /drover pause",
        ">/drover abort",
        "Please do not /drover abort yet",
        "    /drover pause",
        "\t/drover pause",
        "`/drover pause`",
        "/droverpause",
        "/drover-pause",
    })
    void quotedIndentedOrMidLineIsNoCommand(String body) {
        assertThat(CommandParser.parse(body)).isEmpty();
    }

    @Test
    void nothingInsideFencedCodeBlocksActs() {
        String body = """
                To pause, write:
                ```
                /drover pause
                ```
                ~~~~
                /drover abort
                ~~~
                /drover retry
                ~~~~
                /drover status
                """;

        assertThat(CommandParser.parse(body)).containsExactly(new Command.Status());
    }

    @Test
    void anUnclosedFenceHidesTheRestOfTheComment() {
        assertThat(CommandParser.parse("```\n/drover abort")).isEmpty();
    }

    @Test
    void upToThreeSpacesOfIndentationAreAParagraphNotCode() {
        assertThat(CommandParser.parse("   /drover resume")).containsExactly(new Command.Resume());
    }

    @Test
    void anUnknownVerbSuggestsTheNearestKnownOne() {
        assertThat(CommandParser.parse("/drover puase")).containsExactly(new Command.Unknown("puase", Optional.of("pause")));
        assertThat(CommandParser.parse("/drover resmue")).containsExactly(new Command.Unknown("resmue", Optional.of("resume")));
        assertThat(CommandParser.parse("/drover deploy-everything")).containsExactly(
                new Command.Unknown("deploy-everything", Optional.empty()));
        assertThat(CommandParser.parse("/drover")).containsExactly(new Command.Unknown("", Optional.of("help")));
    }

    @Test
    void argumentsAVerbDoesNotTakeAreRefusedWithItsUsage() {
        assertThat(CommandParser.parse("/drover resume now please")).singleElement().isInstanceOfSatisfying(Command.Malformed.class,
                m -> {
                    assertThat(m.problem()).isEqualTo("`resume` takes no arguments");
                    assertThat(m.usage()).isEqualTo("/drover resume");
                });
        assertThat(CommandParser.parse("/drover skip step one; rm -rf /")).singleElement()
                .isInstanceOfSatisfying(Command.Malformed.class, m -> assertThat(m.problem()).contains("is not a step id"));
        assertThat(CommandParser.parse("/drover pause " + "x".repeat(501))).singleElement()
                .isInstanceOfSatisfying(Command.Malformed.class, m -> assertThat(m.problem()).contains("longer than 500"));
    }

    @Test
    void severalCommandsComeInOrder() {
        assertThat(CommandParser.parse("/drover pause\n/drover status")).containsExactly(new Command.Pause(Optional.empty()),
                new Command.Status());
    }
}
