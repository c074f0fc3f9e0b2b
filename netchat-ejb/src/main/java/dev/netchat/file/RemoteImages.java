package dev.netchat.file;

import dev.netchat.fetch.OutboundHttp;
import dev.netchat.file.ExternalAvatars.Failure;
import dev.netchat.file.ExternalAvatars.Fetched;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * A picture on another host, fetched within limits and re-encoded as a JPEG, so that whatever the other host sends
 * never reaches a browser as it is: an {@code image/*} answer (never SVG) whose bytes also sniff as a decodable
 * image, decoded with the same bounds as uploads. Shared by the avatar proxy and link previews' pictures.
 */
final class RemoteImages {

    private static final Logger LOG = Logger.getLogger(RemoteImages.class.getName());

    static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final String ACCEPT = "image/png, image/jpeg, image/gif, image/bmp";

    private RemoteImages() {}

    /**
     * The picture at the URL: a square of {@code edge} pixels when {@code square}, else fitted within {@code edge}
     * keeping its proportions. Never follows redirects (a picture URL that moves is not worth a second host).
     */
    static Fetched fetch(OutboundHttp http, String url, int edge, boolean square, String feature) {
        var limits = new OutboundHttp.Limits(Duration.ofSeconds(3), Duration.ofSeconds(5), MAX_BYTES, 0);
        try {
            var body = http.get(url, ACCEPT, t -> t.startsWith("image/") && !t.startsWith("image/svg"), limits, false);
            if (body.isEmpty()) {
                return new Fetched(null, Failure.UNAVAILABLE);
            }
            byte[] bytes = body.get().bytes();
            String type = TypeSniffer.sniff(bytes);
            if (!TypeSniffer.decodable(type)) {
                return new Fetched(null, Failure.UNAVAILABLE);
            }
            var decoded = ImageVariants.decode(new ByteArrayInputStream(bytes), type, edge);
            if (decoded.isEmpty()) {
                return new Fetched(null, Failure.UNAVAILABLE);
            }
            var pixels = decoded.get().pixels();
            return new Fetched(
                    ImageVariants.jpeg(square ? ImageVariants.square(pixels, edge) : ImageVariants.fit(pixels, edge)),
                    null);
        } catch (OutboundHttp.RefusedAddressException e) {
            LOG.info(() -> feature + ": refused to connect to the host of a picture (an address is not permitted)");
            return new Fetched(null, Failure.REFUSED_ADDRESS);
        } catch (java.io.IOException | RuntimeException e) {
            return new Fetched(null, Failure.UNAVAILABLE);
        }
    }
}
