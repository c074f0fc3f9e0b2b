package dev.netchat.file;

import java.util.Set;
import org.apache.tika.Tika;

/**
 * The media type of a file from its first bytes (Apache Tika's magic), never from its name or the client's
 * header, and which types a browser may show inline.
 */
final class TypeSniffer {

    /** Bytes Tika looks at; its magic patterns lie within the first few KiB. */
    static final int PREFIX_BYTES = 64 * 1024;

    /** Raster images browsers render without running anything; all else is served as a download. */
    private static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp");

    /** Images NetChat decodes to make its own re-encoded thumbnail and preview. */
    private static final Set<String> DECODABLE = Set.of("image/png", "image/jpeg", "image/gif", "image/bmp");

    private static final Tika TIKA = new Tika();

    private TypeSniffer() {}

    static String sniff(byte[] prefix) {
        String type = TIKA.detect(prefix);
        return type == null || type.isBlank() ? "application/octet-stream" : type;
    }

    static boolean inline(String mediaType) {
        return INLINE.contains(mediaType);
    }

    static boolean decodable(String mediaType) {
        return DECODABLE.contains(mediaType);
    }
}
