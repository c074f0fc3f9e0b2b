package dev.netchat.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MentionsTest {

    @Test
    void aMentionIsAtUsernameAsAWordOfItsOwnInAnyCase() {
        assertThat(Mentions.mentions("@ann", "ann")).isTrue();
        assertThat(Mentions.mentions("hi @Ann, look", "ann")).isTrue();
        assertThat(Mentions.mentions("(@ANN)", "ann")).isTrue();
        assertThat(Mentions.mentions("ask @ann.", "ann")).isTrue();
        assertThat(Mentions.mentions("ask @a.b_c-d now", "a.b_c-d")).isTrue();
    }

    @Test
    void theNameInsideAWordALongerNameOrADoubleAtIsNoMention() {
        assertThat(Mentions.mentions("mail ann@example.org", "example")).isFalse();
        assertThat(Mentions.mentions("x@ann", "ann")).isFalse();
        assertThat(Mentions.mentions("@anna", "ann")).isFalse();
        assertThat(Mentions.mentions("@ann-2", "ann")).isFalse();
        assertThat(Mentions.mentions("@@ann", "ann")).isFalse();
        assertThat(Mentions.mentions("ann", "ann")).isFalse();
        // A dot in a username is literal, not "any character".
        assertThat(Mentions.mentions("@aXb", "a.b")).isFalse();
    }

    @Test
    void atChannelAndAtHereAddressEveryoneButOnlyAsWordsOfTheirOwn() {
        assertThat(Mentions.broadcast("@channel the build is red")).isTrue();
        assertThat(Mentions.broadcast("lunch? @HERE")).isTrue();
        assertThat(Mentions.broadcast("see #channel or mail here@example.org")).isFalse();
        assertThat(Mentions.broadcast("@channels")).isFalse();
        assertThat(Mentions.addresses("@here standup", "ann")).isTrue();
        assertThat(Mentions.addresses("hi @ann", "ann")).isTrue();
        assertThat(Mentions.addresses("hi @bob", "ann")).isFalse();
    }
}
