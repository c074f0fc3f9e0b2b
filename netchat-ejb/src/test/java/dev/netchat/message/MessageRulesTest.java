package dev.netchat.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"thumbsup", "+1", "-1", "thumbsup_tone3", "flag-de", "100", "x"})
    void reactionsAreGitHubStyleShortcodes(String type) {
        assertThat(MessageRules.validReaction(type)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Thumbsup", ":tada:", "👍", "with space", "abcdefghijklmnopqrstuvwxyz0123456"})
    void otherReactionNamesAreRefused(String type) {
        assertThat(MessageRules.validReaction(type)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"c-1", "4f7c2a9e-3b1d-4e8f-9a0b-1c2d3e4f5a6b", "stream:abc.DEF_1", "a"})
    void clientMessageIdsAreUpToSixtyFourSafeCharacters(String id) {
        assertThat(MessageRules.validClientMessageId(id)).isTrue();
        assertThat(MessageRules.validClientMessageId("x".repeat(MessageRules.CLIENT_MESSAGE_ID_MAX)))
                .isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"with space", "slash/id", "quote\"", "ü"})
    void otherClientMessageIdsAreRefused(String id) {
        assertThat(MessageRules.validClientMessageId(id)).isFalse();
        assertThat(MessageRules.validClientMessageId("x".repeat(MessageRules.CLIENT_MESSAGE_ID_MAX + 1)))
                .isFalse();
    }
}
