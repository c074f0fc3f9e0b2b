package dev.netchat.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikePatternTest {

    @Test
    void matchesTheTextLiterallyIgnoringCase() {
        assertThat(LikePattern.containing("Ann")).isEqualTo("%ann%");
        assertThat(LikePattern.containing("100%_off\\")).isEqualTo("%100\\%\\_off\\\\%");
    }
}
