package dev.netchat.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netchat.message.LinkPreview;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A page's preview from its Open Graph, Twitter and HTML metadata. */
class PageMetadataTest {

    private static final URI PAGE = URI.create("https://news.example/articles/42");

    private static Optional<LinkPreview> read(String html) {
        return PageMetadata.read(
                html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", PAGE, "https://www.news.example/a");
    }

    @Test
    void openGraphWinsOverTwitterAndPlainHtml() {
        LinkPreview p = read("""
                <html><head><title>Plain title</title>
                <meta name="description" content="Plain description">
                <meta name="twitter:title" content="Twitter title">
                <meta property="og:title" content="OG title">
                <meta property="og:description" content="OG description">
                <meta property="og:site_name" content="The News">
                <meta property="og:image" content="https://cdn.example/a.png">
                </head><body>x</body></html>""").orElseThrow();
        assertThat(p)
                .isEqualTo(new LinkPreview(
                        "https://www.news.example/a",
                        "OG title",
                        "OG description",
                        "The News",
                        "https://cdn.example/a.png"));
    }

    @Test
    void plainHtmlWhenThereIsNoOpenGraphAndTheHostAsSiteName() {
        LinkPreview p = read("<title>  Just a\n page </title><meta name=description content='About it'>")
                .orElseThrow();
        assertThat(p.title()).isEqualTo("Just a page");
        assertThat(p.description()).isEqualTo("About it");
        assertThat(p.siteName()).isEqualTo("news.example");
        assertThat(p.imageUrl()).isNull();
    }

    @Test
    void relativeImagesAreResolvedAgainstThePageAndOnlyWebAddressesAreKept() {
        assertThat(read("<title>t</title><meta property='og:image' content='/img/a.png'>")
                        .orElseThrow()
                        .imageUrl())
                .isEqualTo("https://news.example/img/a.png");
        assertThat(read("<title>t</title><meta name='twitter:image' content='b.jpg'>")
                        .orElseThrow()
                        .imageUrl())
                .isEqualTo("https://news.example/articles/b.jpg");
        assertThat(read("<title>t</title><meta property='og:image' content='javascript:alert(1)'>"
                                + "<meta property='og:image' content='data:image/png;base64,AAAA'>")
                        .orElseThrow()
                        .imageUrl())
                .isNull();
    }

    @Test
    void entitiesAreDecodedAndMarkupNeverComesOut() {
        LinkPreview p = read("<meta property='og:title' content='Tom &amp; Jerry &lt;b&gt;&#8482;'>"
                        + "<title>Ignored</title><meta property='og:description' content='<script>alert(1)</script>'>")
                .orElseThrow();
        assertThat(p.title()).isEqualTo("Tom & Jerry <b>™");
        assertThat(p.description()).isEqualTo("<script>alert(1)</script>"); // text, rendered as text by the client
    }

    @Test
    void longTextIsCutWithAnEllipsisAndControlCharactersGo() {
        LinkPreview p = read("<title>" + "t".repeat(500) + "</title><meta name=description content='a\u0007b'>")
                .orElseThrow();
        assertThat(p.title()).hasSize(PageMetadata.MAX_TITLE).endsWith("…");
        assertThat(p.description()).isEqualTo("a b");
    }

    @Test
    void noTitleNoPreview() {
        assertThat(read("<html><body><p>Nothing about itself</p></body></html>"))
                .isEmpty();
        assertThat(read("<title>   </title>")).isEmpty();
    }

    @Test
    void theAnswersCharsetIsUsedAndOtherwiseThePagesOwn() {
        byte[] latin1 = "<title>Caf\u00e9</title>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(PageMetadata.read(latin1, "text/html; charset=ISO-8859-1", PAGE, "https://x.example")
                        .orElseThrow()
                        .title())
                .isEqualTo("Café");
        byte[] declared = "<meta charset='iso-8859-1'><title>Caf\u00e9</title>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(PageMetadata.read(declared, "text/html", PAGE, "https://x.example")
                        .orElseThrow()
                        .title())
                .isEqualTo("Café");
    }

    @Test
    void aPageCutAtTheCapStillGivesWhatItsHeadSaid() {
        String html = "<html><head><title>Cut page</title></head><body>" + "x".repeat(1000);
        assertThat(read(html.substring(0, 200))).map(LinkPreview::title).hasValue("Cut page");
    }
}
