package dev.netchat.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The first link of a message, read as the web client's markdown reads it. */
class LinksTest {

    @Test
    void theFirstBareAddressWithoutTrailingPunctuation() {
        assertThat(Links.first("see https://example.org/a?b=1. and http://other.example"))
                .hasValue("https://example.org/a?b=1");
        assertThat(Links.first("(https://example.org/x)")).hasValue("https://example.org/x");
    }

    @Test
    void aMarkdownLinksTargetCounts() {
        assertThat(Links.first("read [the docs](https://docs.example/page) now"))
                .hasValue("https://docs.example/page");
    }

    @Test
    void linksInCodeSpansAndBlocksDoNot() {
        assertThat(Links.first("`https://code.example` then https://real.example"))
                .hasValue("https://real.example");
        assertThat(Links.first("```\ncurl https://block.example\n```\nhttps://after.example"))
                .hasValue("https://after.example");
        assertThat(Links.first("only `https://code.example`")).isEmpty();
    }

    @Test
    void otherSchemesAndOverlongAddressesAreNotLinks() {
        assertThat(Links.first("ftp://files.example javascript:alert(1) www.example.org"))
                .isEmpty();
        assertThat(Links.first("https://example.org/" + "a".repeat(Links.MAX_URL_LENGTH)))
                .isEmpty();
        assertThat(Links.first(null)).isEmpty();
    }
}
