package dev.netchat.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MalformedUrlFilterTest {

    @Test
    void wellFormedTargetsPass() {
        assertThat(MalformedUrlFilter.problem(null)).isNull();
        assertThat(MalformedUrlFilter.problem("/api/channels")).isNull();
        assertThat(MalformedUrlFilter.problem("/api/%63hannels/caf%C3%A9%20x")).isNull();
        assertThat(MalformedUrlFilter.problem("q=a+b&x=%E2%82%AC&y=%2F")).isNull();
    }

    @Test
    void badPercentEncodingsAreNamed() {
        assertThat(MalformedUrlFilter.problem("/api/channels/%zz")).contains("two hexadecimal digits");
        assertThat(MalformedUrlFilter.problem("/api/channels/%")).contains("two hexadecimal digits");
        assertThat(MalformedUrlFilter.problem("/api/channels/%4")).contains("two hexadecimal digits");
        assertThat(MalformedUrlFilter.problem("x=%zz")).contains("two hexadecimal digits");
        assertThat(MalformedUrlFilter.problem("/api/channels/%C3%28")).contains("not UTF-8");
        assertThat(MalformedUrlFilter.problem("x=%E2%82")).contains("not UTF-8");
        assertThat(MalformedUrlFilter.problem("/%C0%AF")).contains("not UTF-8");
    }
}
