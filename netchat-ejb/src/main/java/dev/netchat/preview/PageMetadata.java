package dev.netchat.preview;

import dev.netchat.message.LinkPreview;
import dev.netchat.shared.Links;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about itself, read with a real HTML parser (jsoup; entities decoded, broken markup tolerated):
 * Open Graph first, then Twitter's cards, then plain HTML ({@code <title>}, the description meta). Only text comes
 * out, trimmed to lengths a card can show, so nothing of the page's markup ever reaches a client.
 */
final class PageMetadata {

    static final int MAX_TITLE = 300;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_SITE_NAME = 200;

    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);

    private PageMetadata() {}

    /**
     * The preview of {@code linkUrl} from the HTML that {@code page} answered with (after redirects: relative
     * picture addresses are resolved against it); empty when the page has no title of any kind.
     *
     * @param contentType the answer's Content-Type, whose charset wins over the page's own {@code <meta charset>}
     */
    static Optional<LinkPreview> read(byte[] html, String contentType, URI page, String linkUrl) {
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(html), charset(contentType), page.toString());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        String title = clean(first(doc, "og:title", "twitter:title").orElseGet(doc::title), MAX_TITLE);
        if (title == null) {
            return Optional.empty();
        }
        String description = clean(
                first(doc, "og:description", "twitter:description", "description")
                        .orElse(null),
                MAX_DESCRIPTION);
        String siteName = clean(first(doc, "og:site_name").orElseGet(() -> host(linkUrl)), MAX_SITE_NAME);
        return Optional.of(new LinkPreview(
                linkUrl, title, description, siteName, image(doc).orElse(null)));
    }

    /** The content of the first meta element, in the order of the keys, named by {@code property} or {@code name}. */
    private static Optional<String> first(Document doc, String... keys) {
        for (String key : keys) {
            for (Element meta : doc.select("meta[content]")) {
                if (key.equalsIgnoreCase(meta.attr("property")) || key.equalsIgnoreCase(meta.attr("name"))) {
                    String content = meta.attr("content");
                    if (!content.isBlank()) {
                        return Optional.of(content);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The page's picture as an absolute http(s) address, or empty (data:, javascript: and the like are ignored). */
    private static Optional<String> image(Document doc) {
        for (String key :
                new String[] {"og:image:secure_url", "og:image:url", "og:image", "twitter:image", "twitter:image:src"
                }) {
            for (Element meta : doc.select("meta[content]")) {
                if (key.equalsIgnoreCase(meta.attr("property")) || key.equalsIgnoreCase(meta.attr("name"))) {
                    Optional<String> url = web(meta.absUrl("content"));
                    if (url.isPresent()) {
                        return url;
                    }
                }
            }
        }
        Element imageSrc = doc.selectFirst("link[rel=image_src][href]");
        return imageSrc == null ? Optional.empty() : web(imageSrc.absUrl("href"));
    }

    private static Optional<String> web(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && url.length() <= Links.MAX_URL_LENGTH
                ? Optional.of(url)
                : Optional.empty();
    }

    /** One line of text without control characters, cut at {@code max} code points with an ellipsis; null if empty. */
    static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        String line = text.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\s]+", " ").strip();
        if (line.isEmpty()) {
            return null;
        }
        if (line.codePointCount(0, line.length()) > max) {
            line = line.substring(0, line.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
        }
        return line;
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? null : host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The charset the answer declared, if Java knows it; else null and jsoup reads the page's own declaration. */
    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (m.find()) {
            try {
                return Charset.forName(m.group(1)).name();
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}
