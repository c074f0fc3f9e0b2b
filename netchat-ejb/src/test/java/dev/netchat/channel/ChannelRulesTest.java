package dev.netchat.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelRulesTest {

    @Test
    void teamNamesAreTrimmedLowercaseWithDashesForSpaces() {
        assertThat(ChannelRules.normalizeTeamName("  Team   Berlin ")).isEqualTo("team-berlin");
        assertThat(ChannelRules.normalizeTeamName("GENERAL")).isEqualTo("general");
        assertThat(ChannelRules.normalizeTeamName(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"general", "team-berlin", "ops_2026", "a", "9lives"})
    void acceptsTeamNamesOfLettersDigitsDashesAndUnderscores(String name) {
        assertThat(ChannelRules.checkTeamName(name)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-leading-dash", "_leading", "dot.name", "ümlaut", "semi;colon", "#hash"})
    void refusesOtherCharactersAndALeadingDashOrUnderscore(String name) {
        assertThat(ChannelRules.checkTeamName(name)).extracting("field").isEqualTo("name");
    }

    @Test
    void aTeamChannelNeedsANameOfAtMostEightyCharacters() {
        assertThat(ChannelRules.checkTeamName(null)).extracting("message").isEqualTo("A team channel needs a name.");
        assertThat(ChannelRules.checkTeamName("")).extracting("field").isEqualTo("name");
        assertThat(ChannelRules.checkTeamName("x".repeat(ChannelRules.NAME_MAX)))
                .isNull();
        assertThat(ChannelRules.checkTeamName("x".repeat(ChannelRules.NAME_MAX + 1)))
                .extracting("message")
                .isEqualTo("Channel names are at most 80 characters long.");
    }

    @Test
    void conversationNamesAreOptionalPrintableAndAtMostEightyCharactersAfterTrimming() {
        assertThat(ChannelRules.checkConversationName(null)).isNull();
        assertThat(ChannelRules.checkConversationName("Weekend plans 🎉 (Ann, Bob)"))
                .isNull();
        assertThat(ChannelRules.checkConversationName("  " + "x".repeat(80) + "  "))
                .isNull();
        assertThat(ChannelRules.checkConversationName("x".repeat(81)))
                .extracting("field")
                .isEqualTo("name");
        assertThat(ChannelRules.checkConversationName("line\nbreak"))
                .extracting("field")
                .isEqualTo("name");
        assertThat(ChannelRules.checkConversationName("bell\u0007"))
                .extracting("field")
                .isEqualTo("name");
    }

    @Test
    void descriptionsAreOptionalAndAtMostAThousandCharacters() {
        assertThat(ChannelRules.checkDescription(null)).isNull();
        assertThat(ChannelRules.checkDescription("x".repeat(ChannelRules.DESCRIPTION_MAX)))
                .isNull();
        assertThat(ChannelRules.checkDescription("x".repeat(ChannelRules.DESCRIPTION_MAX + 1)))
                .extracting("field")
                .isEqualTo("description");
    }
}
