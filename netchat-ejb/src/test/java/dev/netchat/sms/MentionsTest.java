package dev.netchat.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MentionsTest {

    @Test
    void aWholeWordMentionCountsWhateverTheCaseAndPunctuation() {
        assertThat(Mentions.mentions("@ann please look", "ann")).isTrue();
        assertThat(Mentions.mentions("thanks @Ann.", "ann")).isTrue();
        assertThat(Mentions.mentions("(@ann)", "ann")).isTrue();
        assertThat(Mentions.mentions("cc @ann, @bob", "bob")).isTrue();
    }

    @Test
    void aLongerNameAnAddressOrNoAtSignDoesNot() {
        assertThat(Mentions.mentions("@anna please look", "ann")).isFalse();
        assertThat(Mentions.mentions("@ann.lee please look", "ann")).isFalse();
        assertThat(Mentions.mentions("@ann-marie", "ann")).isFalse();
        assertThat(Mentions.mentions("mail ann@example.com", "example")).isFalse();
        assertThat(Mentions.mentions("x@ann", "ann")).isFalse();
        assertThat(Mentions.mentions("ann is here", "ann")).isFalse();
        assertThat(Mentions.mentions(null, "ann")).isFalse();
    }
}
